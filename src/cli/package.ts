/** `npm run package` (after the build): store-ready zips of both builds in artifacts/, through web-ext build. */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './read-data.ts';

const { version } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
for (const browser of ['chrome', 'firefox'] as const) {
  const filename = `residency-lens-${browser}-${version}.zip`;
  execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), [
    'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest',
  ], { cwd: ROOT, stdio: 'ignore' });
  console.log(`artifacts/${filename} (${(statSync(join(ROOT, 'artifacts', filename)).size / 1024).toFixed(1)} KB)`);
}
