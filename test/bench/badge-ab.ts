/**
 * The in-page badge alone, two or more builds side by side (for a change to the content script, before and after):
 *
 *   tsx test/bench/badge-ab.ts before=/tmp/before/chrome after=dist/chrome [--runs=15] [--page=small|large]
 *
 * One Chromium per build; each run opens the platform page in a new traced tab as in `npm run bench`
 * (browser-bench.ts, badgeRun), the builds' order alternating run by run. Reports each build's medians and, for each
 * build after the first, the median of its per-run ratio to the first. A comparison, not a test.
 */
import { badgeRun, PLATFORM_HOST } from './browser-bench.ts';
import { machine, median, round } from './common.ts';
import { commandLine, sideBySide } from './side-by-side.ts';

const { builds, option } = commandLine(process.argv.slice(2), 'badge-ab.ts a=<dist dir> b=<dist dir> [...] [--runs=N] [--page=small|large]');
const runs = Number(option('runs') ?? 15);
const page = option('page') ?? 'small';

type Run = Awaited<ReturnType<typeof badgeRun>>;
await sideBySide(builds, async (exts, inOrder) => {
  const start = machine();
  for (const ext of exts) await badgeRun(ext, `https://${PLATFORM_HOST}/${page}?warm`); // not counted
  const results: Run[][] = await inOrder(runs, (k, i) => badgeRun(exts[k]!, `https://${PLATFORM_HOST}/${page}?run=${i}`));
  const pick = (rs: Run[], f: (r: Run) => number | null) => rs.map(f).filter((v): v is number => v !== null && Number.isFinite(v));
  const out = builds.map((b, k) => {
    const rs = results[k]!;
    return {
      label: b.label,
      shown: rs.filter((r) => r.navigationToBadgeMs !== null).length,
      medianStartToBadgeMs: round(median(pick(rs, (r) => r.contentScriptStartToBadgeMs)), 2),
      medianBadgeScriptEvaluateMs: round(median(pick(rs, (r) => r.contentScriptEvaluateMs)), 2),
      medianExtensionMainThreadMs: round(median(pick(rs, (r) => r.extensionMainThreadMs)), 2),
      medianNavigationToBadgeMs: round(median(pick(rs, (r) => r.navigationToBadgeMs)), 1),
      ratioToFirst: k === 0 ? 1 : round(median(rs.flatMap((r, i) => {
        const a = results[0]![i]?.contentScriptStartToBadgeMs, x = r.contentScriptStartToBadgeMs;
        return a && x ? [x / a] : [];
      })), 3),
    };
  });
  console.log(JSON.stringify({ page, runs, loadAverage1m: { start: start.loadAverage1m, end: machine().loadAverage1m }, builds: out }, null, 2));
});
