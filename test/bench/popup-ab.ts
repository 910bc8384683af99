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
import { tabIdOf } from '../e2e/support/chromium.ts';
import { PLATFORM_HOST, popupRun } from './browser-bench.ts';
import { machine, median, round } from './common.ts';
import { commandLine, sideBySide } from './side-by-side.ts';

const { builds, option } = commandLine(process.argv.slice(2), 'popup-ab.ts a=<dist dir> b=<dist dir> [...] [--runs=N]');
const runs = Number(option('runs') ?? 15);

type Run = Awaited<ReturnType<typeof popupRun>>;
await sideBySide(builds, async (exts, inOrder) => {
  const start = machine();
  const url = `https://${PLATFORM_HOST}/small?popup`;
  const tabs = await Promise.all(exts.map(async (ext) => {
    const tab = await ext.context.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(ext, url);
    await popupRun(ext, tabId); // warm-up, not counted
    return tabId;
  }));
  const results: Run[][] = await inOrder(runs, (k) => popupRun(exts[k]!, tabs[k]!));
  const pick = (rs: Run[], f: (r: Run) => number | null) => rs.map(f).filter((v): v is number => v !== null);
  const out = builds.map((b, k) => {
    const rs = results[k]!;
    return {
      label: b.label,
      h1Text: rs[0]?.h1Text,
      medianFirstContentMs: round(median(pick(rs, (r) => r.h1Ms)), 1),
      medianFirstContentfulPaintMs: round(median(pick(rs, (r) => r.firstContentfulPaintMs)), 1),
      medianFirstScreenCompleteMs: round(median(pick(rs, (r) => r.headlineMs)), 1),
      pages: [...new Set(rs.map((r) => r.pagePath))],
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
});
