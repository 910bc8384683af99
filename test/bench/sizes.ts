/**
 * Benchmark 2: sizes of what ships (gzip level 9, as a web server or store would compress it) and the
 * background's heap with the whole dataset loaded (measured in a separate Node process, see memory-probe.ts).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../src/cli/read-data.ts';
import { BUDGETS, budgetGzipBytes } from '../budgets.ts';
import { builtSizes, moduleClosure } from '../support/built-sizes.ts';
import { median, round, type Machine } from './common.ts';

/** Separate Node processes for the heap figure; the median is reported. */
const PROBES = 5;

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

type FileSize = { path: string; bytes: number; gzipBytes: number };

function sizeOf(path: string): FileSize {
  const buf = readFileSync(path);
  return { path: relative(ROOT, path), bytes: buf.length, gzipBytes: gz(buf) };
}

function total(files: FileSize[]) {
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

/** Scripts and style sheets an extension page loads, from its HTML (paths are absolute from the extension root). */
function pageAssets(dist: string, html: string) {
  const text = readFileSync(join(dist, html), 'utf8');
  const scripts = [...text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const styles = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const js = [...new Set(scripts.flatMap(moduleClosure))];
  const rel = (f: FileSize) => ({ ...f, path: `dist/chrome/${relative(dist, join(ROOT, f.path))}` });
  return { js: total(js.map(sizeOf).map(rel)), css: total(styles.map(sizeOf).map(rel)) };
}

export function runSizes(machineInfo: Machine, opts: { dist: { root: string; chrome: string; firefox: string } }) {
  const dist = opts.dist.chrome;
  const sizeIn = (path: string) => ({ ...sizeOf(path), path: `dist/chrome/${relative(dist, path)}` });
  const content = sizeIn(join(dist, 'src/content/in-page-badge.js'));
  // Every content script the manifest can inject (static ones; scripts registered at run time live in src/content too).
  const contentScripts = readdirSync(join(dist, 'src/content')).filter((f) => f.endsWith('.js')).sort().map((f) => sizeIn(join(dist, 'src/content', f)));
  const popup = pageAssets(dist, 'src/popup/index.html');
  const loader = readFileSync(join(dist, 'service-worker-loader.js'), 'utf8');
  const bgEntry = /import\s*["']\.\/([^"']+)["']/.exec(loader)?.[1];
  const background = bgEntry ? total(moduleClosure(join(dist, bgEntry)).map(sizeIn)) : null;
  const dataset = sizeOf(join(ROOT, 'src/generated/dataset.json'));

  // The same web-ext command as `npm run package` (src/cli/package.ts), run on the snapshot of this build.
  const { version } = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string };
  const artifacts = join(opts.dist.root, 'artifacts');
  const zips = (['chrome', 'firefox'] as const).map((browser) => {
    const filename = `residency-lens-${browser}-${version}.zip`;
    execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), [
      'build', '--source-dir', opts.dist[browser], '--artifacts-dir', artifacts, '--filename', filename, '--overwrite-dest',
    ], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
    return { path: `artifacts/${filename}`, bytes: statSync(join(artifacts, filename)).size };
  });

  type Probe = { rawBytes: number; before: number; afterDataset: number; afterLookup: number; afterSummaries: number; summaries: number };
  const probes: Probe[] = [];
  for (let i = 0; i < PROBES; i += 1) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/memory-probe.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    probes.push(JSON.parse(out.trim().split('\n').at(-1)!) as Probe);
  }
  const heap = (step: (p: Probe) => number) => median(probes.map(step));
  const kib = (n: number) => round(n / 1024, 1);
  const contentGoal = 10 * 1024;
  const built = builtSizes(dist);
  const platforms = (JSON.parse(readFileSync(join(ROOT, 'src/generated/dataset.json'), 'utf8')) as { platforms: unknown[] }).platforms.length;
  const budgets = Object.fromEntries(Object.entries(BUDGETS).map(([name, b]) => {
    const size = built[name as keyof typeof built];
    const budget = budgetGzipBytes(b, platforms);
    const met = size.gzipBytes <= budget && (!('bytes' in b) || size.bytes <= b.bytes);
    return [name, { gzipBytes: size.gzipBytes, bytes: size.bytes, budgetGzipBytes: budget, platforms, ...('bytes' in b && { budgetBytes: b.bytes }), met, why: b.why }];
  }));
  return {
    benchmark: 'sizes',
    machine: machineInfo,
    method: 'gzip level 9 (node:zlib) of each file; the popup counts the scripts and style sheets its HTML loads plus every module they import statically; the background counts the service worker module and its static imports (the host index included; the platforms\' slices and the IP data, data/ip-country.bin, are separate files read on demand). Budgets: test/budgets.ts, measured by test/support/built-sizes.ts as the unit test does. Zips: the web-ext build command of `npm run package`, run on a private copy of this build taken right after it (others may rebuild dist/ meanwhile), so artifacts/ is left alone. Memory: a separate `node --expose-gc` process loads the code, then parses the host index (what the background parses at start) and builds the look-up (createAnswerer, as the background does), then asks for the headline of every platform (slices loaded on demand), taking process.memoryUsage().heapUsed after three full GCs at each step; median of 5 such processes. Node V8 runs without pointer compression, Chrome V8 with it, so the extension heap should be somewhat smaller.',
    contentScript: { ...content, kib: kib(content.bytes), gzipKiB: kib(content.gzipBytes) },
    contentScripts: contentScripts.map((f) => ({ ...f, gzipKiB: kib(f.gzipBytes) })),
    popup: { js: { ...popup.js, gzipKiB: kib(popup.js.gzipBytes) }, css: { ...popup.css, gzipKiB: kib(popup.css.gzipBytes) } },
    background: background && { ...background, gzipKiB: kib(background.gzipBytes) },
    dataset: { ...dataset, kib: kib(dataset.bytes), gzipKiB: kib(dataset.gzipBytes) },
    zips: zips.map((z) => ({ ...z, kib: kib(z.bytes) })),
    backgroundHeapNode: {
      processes: PROBES,
      datasetBytes: heap((p) => p.afterDataset - p.before),
      lookupBytes: heap((p) => p.afterLookup - p.afterDataset),
      totalKiB: kib(heap((p) => p.afterLookup - p.before)),
      afterOneSummaryPerPlatformBytes: heap((p) => p.afterSummaries - p.afterLookup),
      raw: probes,
    },
    budgets,
    goals: { contentScriptUnder10KiBGzip: { target: '< 10 KiB gzip', value: kib(content.gzipBytes), met: content.gzipBytes < contentGoal } },
  };
}
