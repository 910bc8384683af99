/**
 * Third-party notices and reproducible packaging. THIRD_PARTY_NOTICES.txt in each build (npm test builds before the
 * unit tests) names every runtime dependency and every package whose data is embedded, with the licence text
 * each package ships and the attribution its README asks for; the helpers behind it and behind the zips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitignoreMatcher } from '../../../src/cli/package/source-files.ts';
import { filesUnder, sha256, unzipEntries, zipEntries } from '../../../src/cli/package/zip.ts';
import { packageDirOf, packageInfo } from '../../../src/cli/third-party/package-info.ts';
import type { EmbeddedData } from '../../../src/cli/third-party/notices.ts';

const ROOT = join(import.meta.dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const embedded = JSON.parse(readFileSync(join(ROOT, 'src/generated/embedded-data.json'), 'utf8')) as EmbeddedData[];

describe.each(['chrome', 'firefox'])('dist/%s/THIRD_PARTY_NOTICES.txt', (browser) => {
  const notices = readFileSync(join(ROOT, 'dist', browser, 'THIRD_PARTY_NOTICES.txt'), 'utf8');

  it.each(Object.keys(pkg.dependencies))('names %s with its version, licence and licence text', (name) => {
    const info = packageInfo(packageDirOf(require.resolve(`${name}/package.json`, { paths: [ROOT] }))!);
    expect(notices).toContain(`\n${info.name} ${info.version}\nLicence: ${info.license}\n`);
    expect(info.licenseFiles.length).toBeGreaterThan(0);
    for (const f of info.licenseFiles) expect(notices).toContain(f.text);
  });

  it('carries the full text of the MPL 2.0 (webextension-polyfill, and the Public Suffix List)', () => {
    expect(notices).toContain('Mozilla Public License Version 2.0');
    expect(notices).toMatch(/Public Suffix List, as shipped in tldts [\d.]+ \(https:\/\/publicsuffix\.org\/\)\nLicence: MPL-2\.0/);
  });

  it('names each package whose data is embedded (the server-location table among them), with its licence texts and what its README says on licences and attribution', () => {
    expect(embedded.map((d) => d.what)).toEqual(expect.arrayContaining(['Public Suffix List', 'IP address to country table']));
    for (const data of embedded) {
      const info = packageInfo(packageDirOf(require.resolve(data.module))!);
      expect(notices).toContain(`${data.what}, as shipped in ${info.name} ${info.version}`);
      expect(notices).toContain(`Licence: ${data.license ?? info.license}`);
      expect(info.licenseFiles.length + info.attribution.length, info.name).toBeGreaterThan(0);
      for (const f of info.licenseFiles) expect(notices).toContain(f.text);
      if (!data.license) for (const paragraph of info.attribution) expect(notices).toContain(paragraph);
    }
  });
});

describe.each(['chrome', 'firefox'])('dist/%s is the same wherever it is built', (browser) => {
  it('has no path of the build folder in any file (development JSX would put source paths there)', () => {
    const dist = join(ROOT, 'dist', browser);
    const leaks = filesUnder(dist).filter((f) => f.data.includes(Buffer.from(ROOT))).map((f) => f.path);
    expect(leaks).toEqual([]);
  });
});

describe('package helpers', () => {
  it('finds the package of a file by its folder under node_modules, not a sub-entry package.json', () => {
    const hooks = require.resolve('preact/hooks');
    expect(packageDirOf(hooks)).toBe(join(ROOT, 'node_modules', 'preact'));
    expect(packageDirOf(require.resolve('@testing-library/preact'))).toBe(join(ROOT, 'node_modules', '@testing-library', 'preact'));
    expect(packageDirOf(join(ROOT, 'src', 'core', 'format.ts'))).toBeUndefined();
  });

  it("reads the .gitignore forms this repository uses", () => {
    const ignored = gitignoreMatcher('node_modules/\n/src/generated/\n*.log\n# comment\n.profile/\n');
    expect(ignored('node_modules', true)).toBe(true);
    expect(ignored('a/node_modules', true)).toBe(true);
    expect(ignored('node_modules', false)).toBe(false);
    expect(ignored('src/generated', true)).toBe(true);
    expect(ignored('other/src/generated', true)).toBe(false);
    expect(ignored('build.log', false)).toBe(true);
    expect(ignored('logs/x.log', false)).toBe(true);
    expect(ignored('src/core', true)).toBe(false);
    expect(ignored('.profile', true)).toBe(true);
  });

  it('zips the same files to the same bytes, whatever their order, and reads them back', async () => {
    const a = { path: 'b/x.txt', data: Buffer.from('x') };
    const b = { path: 'a.txt', data: Buffer.from('a'.repeat(1000)) };
    const one = await zipEntries([a, b]);
    const two = await zipEntries([b, a]);
    expect(sha256(one)).toBe(sha256(two));
    expect((await unzipEntries(one)).map((e) => [e.path, e.data.toString()])).toEqual([
      ['a.txt', 'a'.repeat(1000)],
      ['b/x.txt', 'x'],
    ]);
  });

  it('the source archive leaves out what the build makes', () => {
    expect(existsSync(join(ROOT, '.gitignore'))).toBe(true);
    const ignored = gitignoreMatcher(readFileSync(join(ROOT, '.gitignore'), 'utf8'));
    for (const dir of ['node_modules', 'dist', 'artifacts', 'src/generated']) expect(ignored(dir, true), dir).toBe(true);
  });
});
