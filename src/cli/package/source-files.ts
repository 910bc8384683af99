/**
 * The files of the source archive: the project as a clone of its repository has it, read from the working
 * folder with this repository's .gitignore applied (so it works the same with or without git, and inside an
 * unpacked source archive), never node_modules, builds, artefacts or generated files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, type ZipEntry } from './zip.ts';

/** Files made by `npm run package` itself, left out so packaging twice gives the same archive. */
export const PACKAGE_MADE = ['SOURCE-BUILD.md'];

/**
 * A matcher for the .gitignore forms this repository uses: `name/` (a folder anywhere), `/path/` (a folder at the
 * root), `*.ext` (files anywhere), `name` (anything so named anywhere).
 */
export function gitignoreMatcher(text: string): (path: string, isDirectory: boolean) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const directoryOnly = line.endsWith('/');
      const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
      const body = line.replace(/^\//, '').replace(/\/$/, '');
      const pattern = new RegExp(`^${body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      return { directoryOnly, anchored, pattern };
    });
  return (path, isDirectory) =>
    rules.some((r) => (!r.directoryOnly || isDirectory) && (r.anchored ? r.pattern.test(path) : r.pattern.test(path.split('/').at(-1)!)));
}

export function sourceFiles(root: string): ZipEntry[] {
  const gitignore = join(root, '.gitignore');
  const ignored = gitignoreMatcher(existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '');
  return filesUnder(root, (path, isDirectory) => path === '.git' || ignored(path, isDirectory) || (!isDirectory && PACKAGE_MADE.includes(path)));
}
