/**
 * What a build weighs, measured the same way by the size budgets (test/unit/build/budgets.test.ts) and the
 * benchmark (test/bench/sizes.ts): gzip level 9 of each file, as a store or server would compress it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PLATFORM_POPUP_DIR, POPUP_PAGE } from '../../src/core/popup-pages.ts';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export type FileSize = { path: string; bytes: number; gzipBytes: number };
export type FilesSize = { files: FileSize[]; bytes: number; gzipBytes: number };

export function fileSize(dist: string, path: string): FileSize {
  const buf = readFileSync(path);
  return { path: relative(dist, path), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
}

function total(dist: string, paths: string[]): FilesSize {
  const files = paths.map((p) => fileSize(dist, p));
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** A module and every module it imports statically (relative "./x.js" specifiers, as Rolldown emits them). */
export function moduleClosure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0 && seen.size < 500) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(resolve(dirname(file), m[1]!));
  }
  return [...seen];
}

/**
 * What an extension page loads before its first paint: the scripts and style sheets its HTML names, and every
 * module those scripts import statically (dynamic imports come later and are not counted).
 */
export function pageFirstLoad(dist: string, html: string): { js: FilesSize; css: FilesSize; all: FilesSize } {
  const text = readFileSync(join(dist, html), 'utf8');
  const scripts = [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const styles = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const js = [...new Set(scripts.flatMap(moduleClosure))];
  return { js: total(dist, js), css: total(dist, styles), all: total(dist, [join(dist, html), ...js, ...styles]) };
}

/** The background's code: the service-worker loader's module and everything it imports statically. */
export function workerCode(dist: string): FilesSize {
  const loader = join(dist, 'service-worker-loader.js');
  return total(dist, moduleClosure(loader));
}

/**
 * The heaviest of the popup's pages: the generic one and each platform's own (src/core/popup-pages.ts). They differ
 * only in their HTML (a build test checks it), so the heaviest HTML is picked first and its page measured once.
 */
function heaviestPopupPage(dist: string): string {
  const pages = [POPUP_PAGE, ...readdirSync(join(dist, PLATFORM_POPUP_DIR)).map((f) => `${PLATFORM_POPUP_DIR}/${f}`)];
  return pages.map((page) => fileSize(dist, join(dist, page))).reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a)).path;
}

/** The figures the budgets watch, and the host index the worker reads at start (data: no budget, it grows with the dataset). */
export function builtSizes(dist: string) {
  return {
    // What runs on every platform page: the badge's script and, after it, its way to the extension API.
    contentScript: total(dist, [join(dist, 'src/content/in-page-badge.js'), join(dist, 'src/content/badge-api.js')]),
    worker: workerCode(dist),
    ipData: fileSize(dist, join(dist, 'data/ip-country.bin')),
    hostIndex: fileSize(dist, join(dist, 'data/host-index.json')),
    popupFirstLoad: pageFirstLoad(dist, heaviestPopupPage(dist)).all,
  };
}
