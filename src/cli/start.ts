/**
 * `npm start` (after the build): opens a browser with the extension loaded, through web-ext run.
 * Chromium by default; `npm start -- --firefox` for Firefox. Binaries: CHROMIUM_BIN / FIREFOX_BIN, else Debian's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './read-data.ts';

const firefox = process.argv.includes('--firefox');
const startUrl = process.argv.slice(2).find((a) => a.startsWith('http')) ?? 'https://www.tiktok.com/';
const binary = firefox ? (process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr') : (process.env.CHROMIUM_BIN ?? '/usr/bin/chromium');
if (!existsSync(binary)) {
  console.error(`start: ${binary} not found. Install it (apt-get install -y ${firefox ? 'firefox-esr' : 'chromium'}) or set ${firefox ? 'FIREFOX_BIN' : 'CHROMIUM_BIN'}.`);
  process.exit(2);
}
const profile = join(ROOT, '.profile', firefox ? 'firefox' : 'chromium');
mkdirSync(profile, { recursive: true });
const args = firefox
  ? ['run', '--source-dir', 'dist/firefox', '--target', 'firefox-desktop', '--firefox', binary, '--start-url', startUrl, '--no-reload']
  : ['run', '--source-dir', 'dist/chrome', '--target', 'chromium', '--chromium-binary', binary, '--chromium-profile', profile, '--keep-profile-changes', '--start-url', startUrl, '--no-reload', '--arg=--no-first-run', '--arg=--disable-background-networking'];
const result = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), args, { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
