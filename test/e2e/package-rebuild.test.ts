/**
 * `npm run package` for the stores, checked as a reviewer at addons.mozilla.org would: both zips carry the
 * third-party notices; the source archive unpacks to a project that `npm ci && npm run package` rebuilds into the
 * very same zips (same bytes), as its SOURCE-BUILD.md says. Slow (an npm ci and two builds): it lives with the
 * browser tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, unzipEntries } from '../../src/cli/package/zip.ts';

const ROOT = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
const ZIPS = ['chrome', 'firefox'].map((b) => `residency-lens-${b}-${version}.zip`);
const SOURCE = `residency-lens-source-${version}.zip`;

function npm(args: string[], cwd: string): void {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} in ${cwd} failed:\n${result.stdout}\n${result.stderr}`);
}

/** What differs between two zips, entry by entry, for a readable failure. */
async function differences(a: Buffer, b: Buffer): Promise<string[]> {
  const [x, y] = [await unzipEntries(a), await unzipEntries(b)];
  const map = new Map(y.map((e) => [e.path, sha256(e.data)]));
  return [...x.filter((e) => map.get(e.path) !== sha256(e.data)).map((e) => e.path), ...y.filter((e) => !x.some((f) => f.path === e.path)).map((e) => `${e.path} (only in the rebuild)`)];
}

describe('npm run package', () => {
  it('zips both builds with their notices, and the source archive rebuilds the same zips', async () => {
    npm(['run', 'package', '--silent'], ROOT);
    const artifacts = join(ROOT, 'artifacts');
    for (const [i, file] of ZIPS.entries()) {
      const entries = await unzipEntries(readFileSync(join(artifacts, file)));
      const notices = entries.find((e) => e.path === 'THIRD_PARTY_NOTICES.txt');
      expect(notices?.data.toString(), file).toBe(readFileSync(join(ROOT, 'dist', ['chrome', 'firefox'][i]!, 'THIRD_PARTY_NOTICES.txt'), 'utf8'));
      expect(entries.map((e) => e.path)).toContain('manifest.json');
    }

    const source = await unzipEntries(readFileSync(join(artifacts, SOURCE)));
    const paths = source.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.json', 'README.md', 'SOURCE-BUILD.md', 'src/cli/package.ts']));
    expect(paths.filter((p) => /^(node_modules|dist|artifacts|src\/generated)\//.test(p))).toEqual([]);
    const instructions = source.find((e) => e.path === 'SOURCE-BUILD.md')!.data.toString();
    expect(instructions).toContain('npm ci\n       npm run package');
    for (const file of ZIPS) expect(instructions).toContain(`${sha256(readFileSync(join(artifacts, file)))}  artifacts/${file}`);

    // A reviewer's folder, somewhere else: unpack, install from the lockfile, package.
    const reviewer = mkdtempSync(join(tmpdir(), 'rl-review-'));
    for (const entry of source) {
      mkdirSync(dirname(join(reviewer, entry.path)), { recursive: true });
      writeFileSync(join(reviewer, entry.path), entry.data);
    }
    npm(['ci', '--prefer-offline', '--no-audit', '--no-fund', '--silent'], reviewer);
    npm(['run', 'package', '--silent'], reviewer);
    for (const file of ZIPS) {
      const ours = readFileSync(join(artifacts, file));
      const theirs = readFileSync(join(reviewer, 'artifacts', file));
      expect(await differences(ours, theirs), file).toEqual([]);
      expect(sha256(theirs), file).toBe(sha256(ours));
    }
  }, 900_000);
});
