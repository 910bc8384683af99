/**
 * The popup alone, two or more builds side by side (for a change to the popup, before and after):
 *
 *   tsx test/bench/popup-ab.ts before=/tmp/before/chrome after=dist/chrome [--runs=15]
 *
 * One Chromium per build, each with a tab on the platform page; then the popup opened N times per build as in
 * `npm run bench` (browser-bench.ts, popupRun), the builds' order alternating run by run. Reports each build's
 * medians and, for each build after the first, the median of its per-run ratio to the first (runs paired by index,
 * measured within seconds of each other). A comparison, not a test: nothing here fails on a figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, tabIdOf, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { startHttpsServer } from '../e2e/support/https-server.ts';
import { HOSTS, PLATFORM_HOST, popupRun, route } from './browser-bench.ts';
import { machine, median, round } from './common.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 15);
const builds = args.filter((a) => !a.startsWith('--')).map((a) => {
  const at = a.indexOf('=');
  if (at < 1) throw new Error(`expected label=dir, got ${a}`);
  return { label: a.slice(0, at), dir: resolve(a.slice(at + 1)) };
});
if (builds.length < 2) throw new Error('usage: popup-ab.ts a=<dist dir> b=<dist dir> [...] [--runs=N]');

type Run = Awaited<ReturnType<typeof popupRun>>;
const server = await startHttpsServer(route);
const profiles: string[] = [];
const exts: ExtensionBrowser[] = [];
try {
  const start = machine();
  for (const b of builds) {
    const userDataDir = mkdtempSync(join(tmpdir(), 'rl-popup-ab-'));
    profiles.push(userDataDir);
    exts.push(await launchChromium({ port: server.port, hosts: HOSTS, userDataDir, dist: b.dir }));
  }
  const url = `https://${PLATFORM_HOST}/small?popup`;
  const tabs = await Promise.all(exts.map(async (ext) => {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(ext, url);
    await popupRun(ext, tabId); // warm-up, not counted
    return tabId;
  }));
  const results: Run[][] = builds.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    const order = builds.map((_, k) => (i % 2 === 0 ? k : builds.length - 1 - k));
    for (const k of order) results[k]!.push(await popupRun(exts[k]!, tabs[k]!));
  }
  const pick = (rs: Run[], f: (r: Run) => number | null) => rs.map(f).filter((v): v is number => v !== null);
  const out = builds.map((b, k) => {
    const rs = results[k]!;
    return {
      label: b.label,
      h1Text: rs[0]?.h1Text,
      medianFirstContentMs: round(median(pick(rs, (r) => r.h1Ms)), 1),
      medianFirstContentfulPaintMs: round(median(pick(rs, (r) => r.firstContentfulPaintMs)), 1),
      medianHtmlResponseEndMs: round(median(rs.map((r) => r.htmlResponseEndMs)), 1),
      medianFilesResponseEndMs: round(median(rs.map((r) => r.filesResponseEndMs)), 1),
      medianDomContentLoadedMs: round(median(pick(rs, (r) => r.domContentLoadedMs)), 1),
      medianAfterDomContentLoadedMs: round(median(rs.map((r) => r.h1Ms - r.domContentLoadedMs)), 1),
      maxLayoutShift: round(Math.max(0, ...rs.map((r) => r.layoutShift)), 4),
      firstContentMs: rs.map((r) => round(r.h1Ms, 1)),
      ...(k > 0 && { medianRatioToFirst: round(median(rs.map((r, i) => r.h1Ms / results[0]![i]!.h1Ms)), 3) }),
    };
  });
  console.log(JSON.stringify({ runs, loadAverage1m: { start: start.loadAverage1m, end: machine().loadAverage1m }, builds: out }, null, 2));
} finally {
  for (const ext of exts) await ext.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
}
