/**
 * Benchmark 3: the built extension (a private copy of dist/chrome) in Debian's Chromium, pages served by the loopback HTTPS server
 * of the browser tests under real hostnames (--host-resolver-rules). Three measurements:
 *   (i)   content script start -> badge in the page, on a small page and on a page of 20,000 elements, with long
 *         tasks seen by the page (PerformanceObserver 'longtask') and in a CDP trace (RunTask >= 50 ms);
 *   (ii)  page load (load event) with and without the extension, two browsers side by side, runs alternating;
 *   (iii) the popup, from its navigation start to its h1 being in the DOM.
 * No request leaves the machine: every hostname is mapped to 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium, launchChromiumContext, tabIdOf, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { startHttpsServer, type TestServer } from '../e2e/support/https-server.ts';
import { chromiumVersion, median, quantile, round, type Machine } from './common.ts';

export type BrowserOptions = { badgeRuns: number; loadRuns: number; popupRuns: number; extensionDir: string };

const PLATFORM_HOST = 'www.tiktok.com';
const OTHER_HOST = 'news.example-news.com';
const HOSTS = [PLATFORM_HOST, OTHER_HOST];
const LARGE_ELEMENTS = 20_000;
const BADGE_TIMEOUT_MS = 10_000;
const LONG_TASK_MS = 50;

/**
 * In the page, first thing in <head>: a mark to align the trace clock with performance.now(), the time the
 * badge's host element is added (a MutationObserver on <html> and <body> child lists only, so that parsing a
 * large page does not flood it), and every long task the page sees.
 */
const INSTRUMENT = `<script>(() => {
  const rl = window.__rl = { badgeAt: null, longTasks: [] };
  performance.mark('rl-head');
  const seen = (records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'RESIDENCY-LENS-BADGE' && rl.badgeAt === null) rl.badgeAt = performance.now();
      if (n.nodeName === 'BODY') observer.observe(n, { childList: true });
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document.documentElement, { childList: true });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) rl.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();</script>`;

function smallPage(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${INSTRUMENT}<title>${title}</title></head><body><h1>${title}</h1><p>A small page.</p></body></html>`;
}

/** 200 sections of 1 heading + 98 paragraphs + the section itself = 20,000 elements in <body>. */
function largePage(title: string): string {
  const sections: string[] = [];
  for (let s = 0; s < LARGE_ELEMENTS / 100; s += 1) {
    const items: string[] = [`<h2>Section ${s}</h2>`];
    for (let i = 0; i < 98; i += 1) items.push(`<p>Item ${s}.${i}</p>`);
    sections.push(`<section>${items.join('')}</section>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${INSTRUMENT}<title>${title}</title></head><body>${sections.join('')}</body></html>`;
}

function route(host: string, path: string) {
  const headers = { 'cache-control': 'no-store' };
  const title = host === PLATFORM_HOST ? 'TikTok - Make Your Day' : `News at ${host}`;
  if (path.startsWith('/large')) return { headers, body: largePage(title) };
  if (path.startsWith('/small')) return { headers, body: smallPage(title) };
  return undefined;
}

/** Profiles made for this run, removed at the end. */
const profiles: string[] = [];

/** The browser tests' launch (test/e2e/support/chromium.ts), with this build's snapshot or no extension at all. */
async function launch(port: number, hosts: string[], extensionDir: string | null): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rl-bench-chromium-'));
  profiles.push(userDataDir);
  return launchChromiumContext({ port, hosts, userDataDir, extensionDir });
}

/** With the extension: the tests' own launch, including their check that the extension sends nothing. */
async function launchWithExtension(port: number, hosts: string[], extensionDir: string): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rl-bench-chromium-'));
  profiles.push(userDataDir);
  return launchChromium({ port, hosts, userDataDir, dist: extensionDir });
}

type TraceEvent = { name: string; cat?: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { data?: { url?: string }; name?: string } };
type PageFigures = { badgeAt: number | null; longTasks: Array<{ start: number; duration: number }>; domContentLoaded: number; load: number; headMark: number };

async function startTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'blink.user_timing', '__metadata'] },
  });
  return events;
}

async function endTrace(cdp: CDPSession): Promise<void> {
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
}

async function pageFigures(page: Page): Promise<PageFigures> {
  return page.evaluate(() => {
    const rl = (window as unknown as { __rl: { badgeAt: number | null; longTasks: Array<{ start: number; duration: number }> } }).__rl;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      badgeAt: rl.badgeAt,
      longTasks: rl.longTasks,
      domContentLoaded: nav.domContentLoadedEventStart,
      load: nav.loadEventStart,
      headMark: performance.getEntriesByName('rl-head')[0]?.startTime ?? Number.NaN,
    };
  });
}

async function waitForBadgeInPage(page: Page): Promise<number | null> {
  const end = Date.now() + BADGE_TIMEOUT_MS;
  while (Date.now() < end) {
    const at = await page.evaluate(() => (window as unknown as { __rl: { badgeAt: number | null } }).__rl.badgeAt);
    if (at !== null) return at;
    await page.waitForTimeout(25);
  }
  return null;
}

/** One measured visit: trace on, navigate, wait for the badge, let long tasks land, trace off. */
async function badgeRun(ext: ExtensionBrowser, url: string) {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const events = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await waitForBadgeInPage(page);
  await page.waitForTimeout(500);
  const fig = await pageFigures(page);
  await endTrace(cdp);
  await cdp.detach();
  await page.close();

  // Trace clock -> page clock, through the mark the page made at the top of <head>.
  const mark = events.find((e) => e.name === 'rl-head' && e.cat?.includes('blink.user_timing'));
  const toPage = (ts: number) => (mark ? fig.headMark + (ts - mark.ts) / 1000 : Number.NaN);
  const onMain = (e: TraceEvent) => mark !== undefined && e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= mark.ts;
  const extensionUrl = `chrome-extension://${ext.extensionId}/`;
  // The extension's own work on the page's main thread: its script evaluation and every call into its code.
  const extensionEvents = events.filter((e) => onMain(e) && ['EvaluateScript', 'FunctionCall', 'v8.compile'].includes(e.name) && e.args?.data?.url?.startsWith(extensionUrl));
  const script = extensionEvents.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('/src/content/index.js'));
  const tasks = events.filter((e) => onMain(e) && e.name === 'ThreadControllerImpl::RunTask');
  const within = (t: TraceEvent, e: TraceEvent) => t.ts <= e.ts && t.ts + (t.dur ?? 0) >= e.ts + (e.dur ?? 0);
  const extensionTasks = tasks.filter((t) => extensionEvents.some((e) => within(t, e)));
  const longTasks = tasks.filter((t) => (t.dur ?? 0) >= LONG_TASK_MS * 1000);
  const scriptStart = script ? toPage(script.ts) : null;
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  // The first layout after the badge went in: what inserting it costs the page's rendering.
  const layoutAfterBadge = fig.badgeAt === null ? undefined : events.find((e) => onMain(e) && e.name === 'Layout' && toPage(e.ts) >= fig.badgeAt!);
  return {
    navigationToBadgeMs: fig.badgeAt,
    domContentLoadedMs: fig.domContentLoaded,
    loadMs: fig.load,
    contentScriptStartMs: scriptStart,
    contentScriptEvaluateMs: script ? ms(script.dur) : null,
    contentScriptStartToBadgeMs: fig.badgeAt !== null && scriptStart !== null ? fig.badgeAt - scriptStart : null,
    extensionTasks: extensionTasks.length,
    extensionMainThreadMs: extensionTasks.reduce((s, t) => s + ms(t.dur), 0),
    longestExtensionTaskMs: extensionTasks.reduce((m, t) => Math.max(m, ms(t.dur)), 0),
    extensionLongTasks: extensionTasks.filter((t) => ms(t.dur) >= LONG_TASK_MS).length,
    layoutAfterBadgeMs: layoutAfterBadge ? ms(layoutAfterBadge.dur) : null,
    pageLongTasks: fig.longTasks.map((t) => ({
      ...t,
      overlapsExtensionWork: extensionTasks.some((e) => toPage(e.ts) < t.start + t.duration && toPage(e.ts + (e.dur ?? 0)) > t.start),
    })),
    traceLongTasks: longTasks.map((t) => ({ startMs: toPage(t.ts), durationMs: ms(t.dur), extension: extensionTasks.includes(t) })),
    longestMainThreadTaskMs: tasks.reduce((m, t) => Math.max(m, ms(t.dur)), 0),
  };
}

type BadgeRun = Awaited<ReturnType<typeof badgeRun>>;

function summariseBadge(runs: BadgeRun[]) {
  const nums = (pick: (r: BadgeRun) => number | null) => runs.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
  const med = (pick: (r: BadgeRun) => number | null) => round(median(nums(pick)), 1);
  return {
    runs: runs.length,
    badgeShown: runs.filter((r) => r.navigationToBadgeMs !== null).length,
    median: {
      contentScriptStartToBadgeMs: med((r) => r.contentScriptStartToBadgeMs),
      navigationToBadgeMs: med((r) => r.navigationToBadgeMs),
      domContentLoadedMs: med((r) => r.domContentLoadedMs),
      loadMs: med((r) => r.loadMs),
      contentScriptStartMs: med((r) => r.contentScriptStartMs),
      contentScriptEvaluateMs: med((r) => r.contentScriptEvaluateMs),
      extensionMainThreadMs: med((r) => r.extensionMainThreadMs),
      longestExtensionTaskMs: med((r) => r.longestExtensionTaskMs),
      layoutAfterBadgeMs: med((r) => r.layoutAfterBadgeMs),
      longestMainThreadTaskMs: med((r) => r.longestMainThreadTaskMs),
    },
    p90ContentScriptStartToBadgeMs: round(quantile(nums((r) => r.contentScriptStartToBadgeMs), 0.9), 1),
    maxExtensionTaskMs: round(Math.max(0, ...runs.map((r) => r.longestExtensionTaskMs)), 1),
    runsWithExtensionLongTask: runs.filter((r) => r.extensionLongTasks > 0).length,
    runsWithPageLongTask: runs.filter((r) => r.pageLongTasks.length > 0).length,
    runsWithPageLongTaskOverlappingExtension: runs.filter((r) => r.pageLongTasks.some((t) => t.overlapsExtensionWork)).length,
    runsWithTraceLongTask: runs.filter((r) => r.traceLongTasks.length > 0).length,
    perRun: runs.map((r) => ({
      ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])),
    })),
  };
}

async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  await page.close();
  return load;
}

async function popupRun(ext: ExtensionBrowser, tabId: number) {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  // Where the init script runs (Playwright injects it into the new document), it timestamps the h1 precisely;
  // otherwise the time Playwright saw the h1 is used, which is later by at most one polling step.
  await popup.addInitScript(() => {
    const w = window as unknown as { __h1At?: number };
    const mo = new MutationObserver(() => {
      if (w.__h1At === undefined && document.querySelector('h1')) {
        w.__h1At = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`, { waitUntil: 'commit' });
  await popup.locator('h1').first().waitFor({ timeout: BADGE_TIMEOUT_MS });
  const fig = await popup.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      h1AtInit: (window as unknown as { __h1At?: number }).__h1At ?? null,
      seenAt: performance.now(),
      domContentLoaded: nav.domContentLoadedEventStart,
      h1Text: document.querySelector('h1')?.textContent ?? '',
    };
  });
  await popup.close();
  return { h1Ms: fig.h1AtInit ?? fig.seenAt, method: fig.h1AtInit !== null ? 'mutation-observer' : 'playwright-poll', domContentLoadedMs: fig.domContentLoaded, h1Text: fig.h1Text };
}

export async function runBrowserBench(machineInfo: Machine, opts: BrowserOptions) {
  let server: TestServer | undefined;
  let ext: ExtensionBrowser | undefined;
  let plain: BrowserContext | undefined;
  let control: BrowserContext | undefined;
  try {
    server = await startHttpsServer(route);
    ext = await launchWithExtension(server.port, HOSTS, opts.extensionDir);
    plain = await launch(server.port, HOSTS, null);
    control = await launch(server.port, HOSTS, null);
    const probe = await ext.context.newPage();
    const userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();

    // (i) first: the first visit after launch (service worker just started), kept apart.
    const first = await badgeRun(ext, `https://${PLATFORM_HOST}/small?first`);

    // (ii) load event with and without the extension; a second browser without it gives the A/A control
    // (how much two identical instances differ on this machine). The three alternate run by run.
    const loadPages = { other: `https://${OTHER_HOST}/small`, platform: `https://${PLATFORM_HOST}/small`, platformLarge: `https://${PLATFORM_HOST}/large` };
    const sides = { withExt: ext.context, without: plain, control: control! };
    type Side = keyof typeof sides;
    const loads: Record<string, Record<Side, number[]>> = {};
    for (const key of Object.keys(loadPages)) loads[key] = { withExt: [], without: [], control: [] };
    for (const url of Object.values(loadPages)) for (const context of Object.values(sides)) await loadTime(context, url); // warm-up, not counted
    const orders: Side[][] = [['withExt', 'without', 'control'], ['without', 'control', 'withExt'], ['control', 'withExt', 'without']];
    for (let i = 0; i < opts.loadRuns; i += 1) {
      for (const [key, url] of Object.entries(loadPages)) {
        for (const side of orders[i % orders.length]!) loads[key]![side].push(await loadTime(sides[side], url));
      }
    }
    const pageLoad = Object.fromEntries(
      Object.entries(loads).map(([key, { withExt, without, control: aa }]) => {
        const ratios = withExt.map((w, i) => w / without[i]!);
        const controlRatios = aa.map((c, i) => c / without[i]!);
        return [key, {
          url: loadPages[key as keyof typeof loadPages],
          medianWithExtensionMs: round(median(withExt), 1),
          medianWithoutExtensionMs: round(median(without), 1),
          medianControlMs: round(median(aa), 1),
          medianRatioWithOverWithout: round(median(ratios), 3),
          medianRatioControlOverWithout: round(median(controlRatios), 3),
          withExtensionMs: withExt.map((v) => round(v, 1)),
          withoutExtensionMs: without.map((v) => round(v, 1)),
          controlMs: aa.map((v) => round(v, 1)),
        }];
      }),
    );

    // (i) badge timing, small and large pages alternating.
    const small: BadgeRun[] = [];
    const large: BadgeRun[] = [];
    for (let i = 0; i < opts.badgeRuns; i += 1) {
      const order = i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
      for (const kind of order) (kind === 'small' ? small : large).push(await badgeRun(ext, `https://${PLATFORM_HOST}/${kind}?run=${i}`));
    }

    // (iii) popup for a platform tab.
    const tab = await ext.context.newPage();
    await tab.goto(`https://${PLATFORM_HOST}/small?popup`);
    const tabId = await tabIdOf(ext, `https://${PLATFORM_HOST}/small?popup`);
    await popupRun(ext, tabId); // warm-up, not counted
    const popups: Array<Awaited<ReturnType<typeof popupRun>>> = [];
    for (let i = 0; i < opts.popupRuns; i += 1) popups.push(await popupRun(ext, tabId));
    await tab.close();

    return {
      benchmark: 'browser',
      machine: machineInfo,
      browser: { version: chromiumVersion(), userAgent, headless: true },
      method: {
        badge: `Each run opens a new tab with a CDP trace on (categories devtools.timeline, toplevel, blink.user_timing), loads https://${PLATFORM_HOST}/small or /large (${LARGE_ELEMENTS} elements), then polls the page (every 25 ms, at most ${BADGE_TIMEOUT_MS / 1000} s) until a MutationObserver the page set up first thing in <head> has timestamped (performance.now()) the badge's host element being added, and waits 500 ms more for long tasks. Content script start = the trace's EvaluateScript event for src/content/index.js, mapped to the page clock through a performance.mark made in <head>. Long tasks: PerformanceObserver('longtask', buffered) in the page, and ThreadControllerImpl::RunTask trace events of >= ${LONG_TASK_MS} ms on the page's renderer main thread; a task is the extension's when it contains an EvaluateScript, FunctionCall or v8.compile event of a chrome-extension://<id>/ script (the page's own parsing and layout are not). layoutAfterBadge = the first Layout event after the badge was added. The first visit after launch (cold service worker) is reported apart; then small and large alternate. Tracing itself adds some overhead.`,
        pageLoad: 'Three Chromium instances launched with the same flags and running at the same time: one loading dist/chrome, two not (the second is an A/A control: the ratio between two identical instances shows what the machine alone does). For each page one run in each, the order rotating; load = PerformanceNavigationTiming.loadEventStart (ms from navigation start) in a new tab each time; ratio = with / without within a run, median over runs (likewise control / without). Measured before the badge runs, so the extension browser has not yet had dozens of traced tabs. One warm-up load per page and browser is not counted. Pages are sent with cache-control: no-store.',
        popup: 'A tab on the platform page, then chrome-extension://<id>/src/popup/index.html?tab=<tabId> opened as a normal tab (400x600) N times; time = performance.now() in the popup when a MutationObserver (Playwright init script) first sees an h1, i.e. from the popup document\'s navigation start. One warm-up not counted. A real toolbar popup also pays for creating its window, not measured here.',
      },
      badge: {
        firstVisitAfterLaunch: first,
        smallPage: summariseBadge(small),
        largePage: summariseBadge(large),
      },
      pageLoad,
      popup: {
        runs: popups.length,
        h1Text: popups[0]?.h1Text,
        timingMethod: [...new Set(popups.map((p) => p.method))],
        medianH1Ms: round(median(popups.map((p) => p.h1Ms)), 1),
        p90H1Ms: round(quantile(popups.map((p) => p.h1Ms), 0.9), 1),
        medianDomContentLoadedMs: round(median(popups.map((p) => p.domContentLoadedMs)), 1),
        h1Ms: popups.map((p) => round(p.h1Ms, 1)),
      },
      notMeasured: {
        perRequestObserver: 'not measured: the per-request (webRequest) observer was not in the build when this benchmark was written',
        linkAnnotation: 'not measured: link annotation was not in the build when this benchmark was written',
      },
    };
  } finally {
    await ext?.close().catch(() => undefined);
    await plain?.close().catch(() => undefined);
    await control?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
  }
}
