/**
 * What a package says about itself, read from its own files: name, version, declared licence, home page, the
 * licence and notice files it ships (LICENSE, NOTICE, NRO_LICENSE, ...), and what its README says about licences
 * and attribution (data packages, such as an IP database, state their data's terms there, not in package.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export type PackageInfo = {
  name: string;
  version: string;
  license: string;
  homepage?: string;
  /** the licence, notice and copying files at the package's root, in name order */
  licenseFiles: Array<{ file: string; text: string }>;
  /** README sections and paragraphs about licences and attribution, verbatim */
  attribution: string[];
};

/**
 * The package a file belongs to: the folder right under the last node_modules (two for a scoped package), not
 * the nearest package.json, which may be a sub-entry's (preact/hooks/package.json names itself "preact-hooks").
 */
export function packageDirOf(file: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  if (rest.length <= depth) return undefined;
  const dir = file.slice(0, at + marker.length) + rest.slice(0, depth).join(sep);
  return existsSync(join(dir, 'package.json')) ? dir : undefined;
}

const LICENSE_FILE = /(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

const tidy = (blocks: string[]) =>
  blocks
    .map((b) =>
      b
        .replace(/<a href="([^"]+)">[^<]*<\/a>/g, '$1')
        .replace(/\*\*/g, '')
        .replace(/^\[[^\]]+\]:\s+\S+$/gm, '') // link reference definitions (badges and the like)
        .trim(),
    )
    .filter((b) => b !== '' && b !== '---')
    .join('\n\n');

/**
 * From a README: a section whose heading names a licence (with its sub-sections), else the first paragraph that
 * mentions attribution with the blocks after it up to the next heading.
 */
function licenceNotes(readme: string): string[] {
  const blocks = readme.split(/\n\s*\n/);
  const level = (b: string) => /^(#{1,6})\s/.exec(b.trim())?.[1]!.length;
  const heading = blocks.findIndex((b) => level(b) !== undefined && /licen[cs]e/i.test(b.trim().split('\n')[0]!));
  if (heading >= 0) {
    const taken = [blocks[heading]!];
    for (let j = heading + 1; j < blocks.length && (level(blocks[j]!) ?? 7) > level(blocks[heading]!)!; j += 1) taken.push(blocks[j]!);
    return [tidy(taken)];
  }
  const at = blocks.findIndex((b) => /attribution|attribute/i.test(b));
  if (at < 0) return [];
  const taken = [blocks[at]!];
  for (let j = at + 1; j < blocks.length && level(blocks[j]!) === undefined; j += 1) taken.push(blocks[j]!);
  return [tidy(taken)];
}

export function packageInfo(dir: string): PackageInfo {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string | { type?: string };
    homepage?: string;
    repository?: string | { url?: string };
  };
  const files = readdirSync(dir).sort();
  const readme = files.find((f) => /^readme(\.md|\.markdown|\.txt)?$/i.test(f));
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const homepage = manifest.homepage ?? repository?.replace(/^git\+/, '').replace(/\.git$/, '');
  return {
    name: manifest.name,
    version: manifest.version,
    license: typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN'),
    ...(homepage && { homepage }),
    licenseFiles: files.filter((f) => LICENSE_FILE.test(f)).map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8').trim() })),
    attribution: readme ? licenceNotes(readFileSync(join(dir, readme), 'utf8')) : [],
  };
}
