/**
 * Where the popup's time goes, for one build: opens the popup on a platform tab N times with a CDP trace and prints,
 * per opening and as medians, the trace's milestones from the popup's navigation start: its HTML's response, each
 * of its files' request and arrival, compiling and evaluating its script, DOMContentLoaded, and the first h1.
 *
 *   tsx test/bench/popup-trace.ts dist/chrome [--runs=5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, tabIdOf } from '../e2e/support/chromium.ts';
import { startHttpsServer } from '../e2e/support/https-server.ts';
import { HOSTS, PLATFORM_HOST, route } from './browser-bench.ts';
import { median, round } from './common.ts';

type TraceEvent = { name: string; cat?: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: Record<string, unknown> } };
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 5);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist/chrome');
const server = await startHttpsServer(route);
const profile = mkdtempSync(join(tmpdir(), 'rl-popup-trace-'));
const ext = await launchChromium({ port: server.port, hosts: HOSTS, userDataDir: profile, dist });
const rows: Array<Record<string, number>> = [];
try {
  const url = `https://${PLATFORM_HOST}/small?popup`;
  const tab = await ext.context.newPage();
  await tab.goto(url);
  const tabId = await tabIdOf(ext, url);
  for (let i = 0; i <= runs; i += 1) {
    const popup = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(popup);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'loading', 'v8', 'disabled-by-default-devtools.timeline'] } });
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`, { waitUntil: 'commit' });
    await popup.locator('h1').first().waitFor({ timeout: 10_000 });
    const fig = await popup.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { now: performance.now(), dcl: nav.domContentLoadedEventStart, responseEnd: nav.responseEnd };
    });
    await popup.waitForTimeout(300);
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    await popup.close();
    if (i === 0) continue; // warm-up
    const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes('/popup/'));
    if (!nav) continue;
    const at = (e: TraceEvent | undefined) => (e ? round((e.ts - nav.ts) / 1000, 1) : Number.NaN);
    const byUrl = (name: string, part: string) => events.filter((e) => e.name === name && String(e.args?.data?.url ?? '').includes(part));
    const scriptReq = byUrl('ResourceSendRequest', '/assets/');
    const scriptFinish = events.filter((e) => e.name === 'ResourceFinish' && scriptReq.some((r) => r.args?.data?.requestId === e.args?.data?.requestId));
    const compile = events.filter((e) => (e.name === 'v8.compileModule' || e.name === 'v8.compile') && String((e.args as { fileName?: string } | undefined)?.fileName ?? e.args?.data?.url ?? '').includes('/assets/'));
    const evaluate = events.filter((e) => e.name === 'v8.evaluateModule' || (e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').includes('/assets/')));
    const row = {
      html: round(fig.responseEnd, 1),
      filesRequested: at(scriptReq.sort((a, b) => a.ts - b.ts)[0]),
      filesArrived: Math.max(...scriptFinish.map(at)),
      files: scriptReq.length,
      compileMs: round(compile.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000, 1),
      evaluateStart: at(evaluate.sort((a, b) => a.ts - b.ts)[0]),
      evaluateMs: round(evaluate.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000, 1),
      dcl: round(fig.dcl, 1),
      h1Seen: round(fig.now, 1),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  const keys = Object.keys(rows[0] ?? {});
  console.log('median', JSON.stringify(Object.fromEntries(keys.map((k) => [k, round(median(rows.map((r) => r[k]!).filter(Number.isFinite)), 1)]))));
} finally {
  await ext.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
}
