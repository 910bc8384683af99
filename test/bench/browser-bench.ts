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
import { launchChromium, launchChromiumContext, tabIdOf, toolbarPopupUrl, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { startHttpsServer, type TestServer } from '../e2e/support/https-server.ts';
import { chromiumVersion, median, quantile, round, type Machine } from './common.ts';

/** One build of the extension to measure; several are measured side by side in one run (1x and 10x the dataset). */
export type BuildUnderTest = { label: string; dir: string };
export type BrowserOptions = { badgeRuns: number; loadRuns: number; popupRuns: number; builds: BuildUnderTest[] };

export const PLATFORM_HOST = 'www.tiktok.com';
const OTHER_HOST = 'news.example-news.com';
export const HOSTS = [PLATFORM_HOST, OTHER_HOST];
const LARGE_ELEMENTS = 20_000;
const BADGE_TIMEOUT_MS = 10_000;
const LONG_TASK_MS = 50;

/**
 * In the page, first thing in <head>: a mark to align the trace clock with performance.now(), the time the
 * badge's host element is added (a MutationObserver on <html> and <body> child lists only, so that parsing a
 * large page does not flood it), and every long task the page sees. A badge already there when this first script
 * runs was placed by the content script at document_start, before the page could watch: `badgeBeforeHead` says
 * so, and its time is taken from the trace (see badgeRun); its later move within <html> is not an arrival.
 */
const INSTRUMENT = `<script>(() => {
  const early = document.querySelector('residency-lens-badge') !== null;
  const rl = window.__rl = { badgeAt: null, badgeBeforeHead: early, longTasks: [] };
  performance.mark('rl-head');
  const seen = (records) => {
    if (early) return;
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'RESIDENCY-LENS-BADGE' && rl.badgeAt === null) rl.badgeAt = performance.now();
      if (n.nodeName === 'BODY') {
        observer.observe(n, { childList: true });
        // The extension may have put its badge into <body> before this observer looked at it.
        if (rl.badgeAt === null && n.querySelector(':scope > residency-lens-badge')) rl.badgeAt = performance.now();
      }
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

export function route(host: string, path: string) {
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
type PageFigures = { badgeAt: number | null; badgeBeforeHead: boolean; longTasks: Array<{ start: number; duration: number }>; domContentLoaded: number; load: number; headMark: number };

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
    const rl = (window as unknown as { __rl: { badgeAt: number | null; badgeBeforeHead: boolean; longTasks: Array<{ start: number; duration: number }> } }).__rl;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      badgeAt: rl.badgeAt,
      badgeBeforeHead: rl.badgeBeforeHead,
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
    const at = await page.evaluate(() => {
      const rl = (window as unknown as { __rl: { badgeAt: number | null; badgeBeforeHead: boolean } }).__rl;
      return rl.badgeBeforeHead ? 0 : rl.badgeAt;
    });
    if (at !== null) return at;
    await page.waitForTimeout(25);
  }
  return null;
}

/** One measured visit: trace on, navigate, wait for the badge, let long tasks land, trace off. */
export async function badgeRun(ext: ExtensionBrowser, url: string) {
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
  // From the navigation's start on (the content script runs before the page's first script, at document_start).
  const navigationStart = mark ? mark.ts - fig.headMark * 1000 : Number.NaN;
  const onMain = (e: TraceEvent) => mark !== undefined && e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= navigationStart;
  const extensionUrl = `chrome-extension://${ext.extensionId}/`;
  // The extension's own work on the page's main thread: its script evaluation and every call into its code.
  const extensionEvents = events.filter((e) => onMain(e) && ['EvaluateScript', 'FunctionCall', 'v8.compile'].includes(e.name) && e.args?.data?.url?.startsWith(extensionUrl));
  const script = extensionEvents.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('/src/content/in-page-badge.js'));
  const tasks = events.filter((e) => onMain(e) && e.name === 'ThreadControllerImpl::RunTask');
  const within = (t: TraceEvent, e: TraceEvent) => t.ts <= e.ts && t.ts + (t.dur ?? 0) >= e.ts + (e.dur ?? 0);
  const extensionTasks = tasks.filter((t) => extensionEvents.some((e) => within(t, e)));
  const longTasks = tasks.filter((t) => (t.dur ?? 0) >= LONG_TASK_MS * 1000);
  // Content script start: the first of the registration's files (region, corner, texts, host table, then the script).
  const firstFile = extensionEvents.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.includes('/content/')).sort((a, b) => a.ts - b.ts)[0];
  const scriptStart = firstFile ? toPage(firstFile.ts) : script ? toPage(script.ts) : null;
  // A badge placed before the page's first script was appended synchronously while the content script evaluated:
  // the end of that evaluation is when it was in the page at the latest.
  if (fig.badgeBeforeHead && script) fig.badgeAt = toPage(script.ts + (script.dur ?? 0));
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
    /** badge added minus DOMContentLoaded's start: negative when the badge is in the page before the event */
    badgeAfterDomContentLoadedMs: fig.badgeAt !== null ? fig.badgeAt - fig.domContentLoaded : null,
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
      badgeAfterDomContentLoadedMs: med((r) => r.badgeAfterDomContentLoadedMs),
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

/** The load event of a page opened in a new tab (ms from navigation start); also the page-cost bench's measure. */
export async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
  await page.close();
  return load;
}

/** One popup opening on the tab `tabId` (also used by popup-ab.ts, which compares builds of the popup alone). */
export async function popupRun(ext: ExtensionBrowser, tabId: number) {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  // Where the init script runs (Playwright injects it into the new document), it timestamps the h1 precisely;
  // otherwise the time Playwright saw the h1 is used, which is later by at most one polling step.
  await popup.addInitScript(() => {
    const w = window as unknown as { __h1At?: number; __drawnAt?: number; __shifts?: number[] };
    // The h1 may come with the HTML (a platform's own page, src/core/popup-pages.ts); the headline under it is
    // drawn by the popup's script from the tab's data: the first screen is complete when it is there.
    const mo = new MutationObserver(() => {
      if (w.__h1At === undefined && document.querySelector('h1')) w.__h1At = performance.now();
      if (w.__drawnAt === undefined && document.querySelector('.headline')) w.__drawnAt = performance.now();
      if (w.__h1At !== undefined && w.__drawnAt !== undefined) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true });
    // Layout shifts after the first paint (none should happen: what comes later goes into folded sections or kept room).
    w.__shifts = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__shifts!.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    } catch {
      /* not supported */
    }
  });
  // The page the toolbar button opens for this tab (the background sets a platform's own page), for this tab.
  await popup.goto(`${await toolbarPopupUrl(ext, tabId)}?tab=${tabId}`, { waitUntil: 'commit' });
  await popup.locator('h1').first().waitFor({ timeout: BADGE_TIMEOUT_MS });
  const seenAt = await popup.evaluate(() => performance.now());
  await popup.waitForTimeout(500); // any late change to the layout would come now
  const fig = await popup.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const w = window as unknown as { __h1At?: number; __drawnAt?: number; __shifts?: number[] };
    return {
      h1AtInit: w.__h1At ?? null,
      drawnAt: w.__drawnAt ?? null,
      pagePath: location.pathname,
      domContentLoaded: nav.domContentLoadedEventStart,
      htmlResponseEnd: nav.responseEnd,
      // The last of the page's own files (scripts, style sheets) to arrive before its first content.
      filesResponseEnd: Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.startTime < (w.__h1At ?? Infinity)).map((e) => (e as PerformanceResourceTiming).responseEnd)),
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      layoutShift: (w.__shifts ?? []).reduce((sum, v) => sum + v, 0),
      h1Text: document.querySelector('h1')?.textContent ?? '',
    };
  });
  await popup.close();
  return {
    h1Ms: fig.h1AtInit ?? seenAt,
    method: fig.h1AtInit !== null ? 'mutation-observer' : 'playwright-poll',
    headlineMs: fig.drawnAt,
    pagePath: fig.pagePath,
    domContentLoadedMs: fig.domContentLoaded,
    htmlResponseEndMs: fig.htmlResponseEnd,
    filesResponseEndMs: fig.filesResponseEnd,
    firstContentfulPaintMs: fig.firstContentfulPaint,
    layoutShift: fig.layoutShift,
    h1Text: fig.h1Text,
  };
}

export async function runBrowserBench(machineInfo: Machine, opts: BrowserOptions) {
  let server: TestServer | undefined;
  const exts: Array<{ build: BuildUnderTest; ext: ExtensionBrowser }> = [];
  let plain: BrowserContext | undefined;
  let control: BrowserContext | undefined;
  try {
    server = await startHttpsServer(route);
    for (const build of opts.builds) exts.push({ build, ext: await launchWithExtension(server.port, HOSTS, build.dir) });
    plain = await launch(server.port, HOSTS, null);
    control = await launch(server.port, HOSTS, null);
    const probe = await exts[0]!.ext.context.newPage();
    const userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();

    // (i) first: the first visit after launch (service worker just started), kept apart.
    const first = Object.fromEntries(await Promise.all(exts.map(async ({ build, ext }) => [build.label, await badgeRun(ext, `https://${PLATFORM_HOST}/small?first`)] as const)));

    // (ii) load event with and without the extension (each build); a second browser without it gives the A/A
    // control (how much two identical instances differ on this machine). All sides rotate run by run.
    const loadPages = { other: `https://${OTHER_HOST}/small`, platform: `https://${PLATFORM_HOST}/small`, platformLarge: `https://${PLATFORM_HOST}/large` };
    const sides: Record<string, BrowserContext> = { ...Object.fromEntries(exts.map(({ build, ext }) => [`with ${build.label}`, ext.context])), without: plain, control };
    const sideNames = Object.keys(sides);
    const loads: Record<string, Record<string, number[]>> = {};
    for (const key of Object.keys(loadPages)) loads[key] = Object.fromEntries(sideNames.map((side) => [side, [] as number[]]));
    for (const url of Object.values(loadPages)) for (const context of Object.values(sides)) await loadTime(context, url); // warm-up, not counted
    for (let i = 0; i < opts.loadRuns; i += 1) {
      const order = sideNames.map((_, k) => sideNames[(k + i) % sideNames.length]!);
      for (const [key, url] of Object.entries(loadPages)) {
        for (const side of order) loads[key]![side]!.push(await loadTime(sides[side]!, url));
      }
    }
    const pageLoad = Object.fromEntries(
      Object.entries(loads).map(([key, bySide]) => {
        const without = bySide.without!;
        const ratioTo = (side: string) => round(median(bySide[side]!.map((v, i) => v / without[i]!)), 3);
        return [key, {
          url: loadPages[key as keyof typeof loadPages],
          medianMs: Object.fromEntries(sideNames.map((side) => [side, round(median(bySide[side]!), 1)])),
          medianRatioOverWithout: Object.fromEntries(sideNames.filter((side) => side !== 'without').map((side) => [side, ratioTo(side)])),
          runsMs: Object.fromEntries(sideNames.map((side) => [side, bySide[side]!.map((v) => round(v, 1))])),
        }];
      }),
    );

    // (i) badge timing, small and large pages and the builds alternating.
    const badgeRuns = Object.fromEntries(exts.map(({ build }) => [build.label, { small: [] as BadgeRun[], large: [] as BadgeRun[] }]));
    for (let i = 0; i < opts.badgeRuns; i += 1) {
      const builds = i % 2 === 0 ? exts : [...exts].reverse();
      for (const { build, ext } of builds) {
        const order = i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const);
        for (const kind of order) badgeRuns[build.label]![kind].push(await badgeRun(ext, `https://${PLATFORM_HOST}/${kind}?run=${i}`));
      }
    }

    // (iii) popup for a platform tab, the builds alternating.
    const popupTabs = await Promise.all(exts.map(async ({ ext }) => {
      const tab = await ext.context.newPage();
      await tab.goto(`https://${PLATFORM_HOST}/small?popup`);
      const tabId = await tabIdOf(ext, `https://${PLATFORM_HOST}/small?popup`);
      await popupRun(ext, tabId); // warm-up, not counted
      return { tab, tabId };
    }));
    const popups = Object.fromEntries(exts.map(({ build }) => [build.label, [] as Array<Awaited<ReturnType<typeof popupRun>>>]));
    for (let i = 0; i < opts.popupRuns; i += 1) {
      const order = i % 2 === 0 ? exts.map((_, k) => k) : exts.map((_, k) => exts.length - 1 - k);
      for (const k of order) popups[exts[k]!.build.label]!.push(await popupRun(exts[k]!.ext, popupTabs[k]!.tabId));
    }
    for (const { tab } of popupTabs) await tab.close();

    const summarisePopup = (runs: Array<Awaited<ReturnType<typeof popupRun>>>) => ({
      runs: runs.length,
      h1Text: runs[0]?.h1Text,
      timingMethod: [...new Set(runs.map((p) => p.method))],
      medianH1Ms: round(median(runs.map((p) => p.h1Ms)), 1),
      p90H1Ms: round(quantile(runs.map((p) => p.h1Ms), 0.9), 1),
      medianFirstContentfulPaintMs: round(median(runs.flatMap((p) => (p.firstContentfulPaintMs === null ? [] : [p.firstContentfulPaintMs]))), 1),
      medianDomContentLoadedMs: round(median(runs.map((p) => p.domContentLoadedMs)), 1),
      // The first screen complete: the headline the script draws under the heading.
      medianHeadlineMs: round(median(runs.flatMap((p) => (p.headlineMs === null ? [] : [p.headlineMs]))), 1),
      pages: [...new Set(runs.map((p) => p.pagePath))],
      maxLayoutShift: round(Math.max(0, ...runs.map((p) => p.layoutShift)), 4),
      h1Ms: runs.map((p) => round(p.h1Ms, 1)),
    });
    const badge = Object.fromEntries(exts.map(({ build }) => [build.label, {
      firstVisitAfterLaunch: first[build.label],
      smallPage: summariseBadge(badgeRuns[build.label]!.small),
      largePage: summariseBadge(badgeRuns[build.label]!.large),
    }]));
    const popup = Object.fromEntries(exts.map(({ build }) => [build.label, summarisePopup(popups[build.label]!)]));
    // Ratios of each build to the first (10x over 1x), medians measured in this same run.
    const base = opts.builds[0]!.label;
    const ratio = (a: number, b: number) => round(a / b, 3);
    const scaling = Object.fromEntries(opts.builds.slice(1).map(({ label }) => [`${label} over ${base}`, {
      contentScriptStartToBadgeSmall: ratio(badge[label]!.smallPage.median.contentScriptStartToBadgeMs, badge[base]!.smallPage.median.contentScriptStartToBadgeMs),
      contentScriptStartToBadgeLarge: ratio(badge[label]!.largePage.median.contentScriptStartToBadgeMs, badge[base]!.largePage.median.contentScriptStartToBadgeMs),
      navigationToBadgeSmall: ratio(badge[label]!.smallPage.median.navigationToBadgeMs, badge[base]!.smallPage.median.navigationToBadgeMs),
      popupFirstContent: ratio(popup[label]!.medianH1Ms, popup[base]!.medianH1Ms),
      platformPageLoad: ratio(pageLoad.platform!.medianMs[`with ${label}`]!, pageLoad.platform!.medianMs[`with ${base}`]!),
    }]));

    return {
      benchmark: 'browser',
      machine: machineInfo,
      browser: { version: chromiumVersion(), userAgent, headless: true },
      builds: opts.builds.map(({ label }) => label),
      method: {
        badge: `Each run opens a new tab with a CDP trace on (categories devtools.timeline, toplevel, blink.user_timing), loads https://${PLATFORM_HOST}/small or /large (${LARGE_ELEMENTS} elements), then polls the page (every 25 ms, at most ${BADGE_TIMEOUT_MS / 1000} s) until a MutationObserver the page set up first thing in <head> has timestamped (performance.now()) the badge's host element being added, and waits 500 ms more for long tasks. Content script start = the trace's first EvaluateScript event of the badge's registration (its data files, then src/content/in-page-badge.js), mapped to the page clock through a performance.mark made in <head>. A badge already in the page when that first <head> script runs (placed at document_start) is timed at the end of in-page-badge.js's EvaluateScript event, which appends it synchronously: an upper bound. Long tasks: PerformanceObserver('longtask', buffered) in the page, and ThreadControllerImpl::RunTask trace events of >= ${LONG_TASK_MS} ms on the page's renderer main thread; a task is the extension's when it contains an EvaluateScript, FunctionCall or v8.compile event of a chrome-extension://<id>/ script (the page's own parsing and layout are not). layoutAfterBadge = the first Layout event after the badge was added. The first visit after launch (cold service worker) is reported apart; then small and large alternate, and the builds alternate run by run. badgeAfterDomContentLoaded = the badge's timestamp minus PerformanceNavigationTiming.domContentLoadedEventStart (negative: the badge was in the page before the event). Tracing itself adds some overhead.`,
        pageLoad: 'One Chromium instance per build of the extension (1x and 10x the dataset) and two without it, all launched with the same flags and running at the same time (the second one without is an A/A control: the ratio between two identical instances shows what the machine alone does). For each page one run in each, the order rotating; load = PerformanceNavigationTiming.loadEventStart (ms from navigation start) in a new tab each time; ratio = with / without within a run, median over runs (likewise control / without). Measured before the badge runs, so the extension browsers have not yet had dozens of traced tabs. One warm-up load per page and browser is not counted. Pages are sent with cache-control: no-store.',
        popup: 'A tab on the platform page, then the page the toolbar button opens for that tab (action.getPopup: the platform\'s own page, its heading in its HTML, src/core/popup-pages.ts) with ?tab=<tabId>, opened as a normal tab (400x600) N times per build, the builds alternating; first content = performance.now() in the popup when a MutationObserver (Playwright init script) first sees an h1, i.e. from the popup document\'s navigation start; the first screen complete = the same for the headline the script draws under the h1 (the popup draws its header, the page\'s third parties and the folded sections\' headings first, their contents right after the first paint, and a server country the worker had not decoded yet into room kept for it: the h1 comes with the first paint); first contentful paint from the paint timing entry; layout shift = the sum of layout-shift entries (PerformanceObserver, buffered) up to 500 ms after the h1. The service worker is running (the tab was just loaded). One warm-up not counted. A real toolbar popup also pays for creating its window, not measured here.',
      },
      badge,
      pageLoad,
      popup,
      scaling,
      notMeasured: {
        perRequestObserver: 'not measured: the per-request (webRequest) observer was not in the build when this benchmark was written',
        linkAnnotation: 'not measured: link annotation was not in the build when this benchmark was written',
      },
    };
  } finally {
    for (const { ext } of exts) await ext.close().catch(() => undefined);
    await plain?.close().catch(() => undefined);
    await control?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
  }
}
