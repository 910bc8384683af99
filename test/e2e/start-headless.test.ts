/**
 * `npm start` without a display, run for real as a newcomer on a server or in a container would: it builds, runs
 * the browser headless with the extension on a local TikTok page, prints the badge's text and the popup's headline,
 * writes two screenshots to the folder it names, and exits 0. Chromium through `npm start` itself; Firefox
 * through the script (`npm start -- --firefox` minus the rebuild).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DISPLAY' && k !== 'WAYLAND_DISPLAY'));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function expectDemo(result: { status: number | null; stdout: string; stderr: string }, browser: string, out: string): void {
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout.split('\n');
  expect(lines).toContain(`start: no display (DISPLAY and WAYLAND_DISPLAY are unset): running ${browser} headless with the extension on a local copy of https://www.tiktok.com/`);
  expect(lines.find((l) => l.startsWith('Badge: '))).toMatch(/^Badge: TikTok → .*Ireland.*China/);
  expect(lines.find((l) => l.startsWith('Popup headline: '))).toMatch(/^Popup headline: .*TikTok stores user data: .*China/);
  const screenshots = lines.find((l) => l.startsWith('Screenshots '));
  expect(screenshots).toBe(`Screenshots (in ${out}): ${join(out, 'page.png')}, ${join(out, 'popup.png')}`);
  for (const file of ['page.png', 'popup.png']) expect(readFileSync(join(out, file)).subarray(0, 8).equals(PNG), file).toBe(true);
  if (process.getuid?.() === 0 && browser === 'Chromium') expect(lines[0]).toMatch(/^start: running as root, so Chromium is started with --no-sandbox/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('npm start without a display', () => {
  it('Chromium: builds, shows the badge and the popup headline, writes the screenshots, exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'rl-start-chromium-'));
    const result = spawnSync('npm', ['start', '--silent', '--', '--out', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
    const demo = result.stdout.slice(result.stdout.indexOf('start: '));
    expectDemo({ ...result, stdout: demo }, 'Chromium', out);
  }, 320_000);

  it('Firefox: the same with --firefox', () => {
    const out = mkdtempSync(join(tmpdir(), 'rl-start-firefox-'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', '--firefox', '--out', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 200_000 });
    expectDemo(result, 'Firefox', out);
  }, 220_000);
});
