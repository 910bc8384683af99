/**
 * The in-page badge alone, two or more builds side by side (for a change to the content script, before and after):
 *
 *   tsx test/bench/badge-ab.ts before=/tmp/before/chrome after=dist/chrome [--runs=15] [--page=small|large]
 *
 * One Chromium per build; each run opens the platform page in a new traced tab as in `npm run bench`
 * (browser-bench.ts, badgeRun), the builds' order alternating run by run. Reports each build's medians and, for each
 * build after the first, the median of its per-run ratio to the first. A comparison, not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { startHttpsServer } from '../e2e/support/https-server.ts';
import { badgeRun, HOSTS, PLATFORM_HOST, route } from './browser-bench.ts';
import { machine, median, round } from './common.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runs = Number(option('runs') ?? 15);
const page = option('page') ?? 'small';
const builds = args.filter((a) => !a.startsWith('--')).map((a) => {
  const at = a.indexOf('=');
  if (at < 1) throw new Error(`expected label=dir, got ${a}`);
  return { label: a.slice(0, at), dir: resolve(a.slice(at + 1)) };
});
if (builds.length < 2) throw new Error('usage: badge-ab.ts a=<dist dir> b=<dist dir> [...] [--runs=N] [--page=small|large]');

type Run = Awaited<ReturnType<typeof badgeRun>>;
const server = await startHttpsServer(route);
const profiles: string[] = [];
const exts: ExtensionBrowser[] = [];
try {
  const start = machine();
  for (const b of builds) {
    const userDataDir = mkdtempSync(join(tmpdir(), 'rl-badge-ab-'));
    profiles.push(userDataDir);
    exts.push(await launchChromium({ port: server.port, hosts: HOSTS, userDataDir, dist: b.dir }));
  }
  for (const ext of exts) await badgeRun(ext, `https://${PLATFORM_HOST}/${page}?warm`); // not counted
  const results: Run[][] = builds.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    const order = builds.map((_, k) => (i % 2 === 0 ? k : builds.length - 1 - k));
    for (const k of order) results[k]!.push(await badgeRun(exts[k]!, `https://${PLATFORM_HOST}/${page}?run=${i}`));
  }
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
  console.log(JSON.stringify({ page, runs, machineAtStart: start.loadAverage1m, machineAtEnd: machine().loadAverage1m, builds: out }, null, 2));
} finally {
  for (const ext of exts) await ext.close().catch(() => undefined);
  await server.close();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
}
