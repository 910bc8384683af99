/**
 * Reliability of the built dist/chrome in Debian's Chromium:
 * 1. the service worker is stopped 20 times between actions and every time the restarted worker brings back the
 *    in-page badge, the toolbar badge and the popup;
 * 2. nothing leaves the machine: every request in the browser, every connection through a logging proxy and
 *    every hit on the local server is one the test itself asked for;
 * 3. 100 tabs on platform and non-platform hosts get the right badges, and closing them leaves no tab, no
 *    per-tab state in storage.session and no heap growth in the worker.
 * All traffic is loopback: the platform hostnames are mapped to a local HTTPS server.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf, unframedSummaryOf } from '../../src/background/answerer.ts';
import { toolbarBadge } from '../../src/background/toolbar-badge.ts';
import type { CompiledDataset } from '../../src/core/dataset/compile.ts';
import datasetJson from '../../src/generated/dataset.json';
import { answererFor } from '../unit/fixtures.ts';
import { badgeText, launchChromium, tabIdOf, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { currentWorker, within, workerController, workerHeapUsage } from './support/extension-worker.ts';
import { startHttpsServer, type TestServer } from './support/https-server.ts';
import { byInitiator, readNetLog } from './support/net-log.ts';
import { startLoopbackProxy, type LoopbackProxy } from './support/loopback-proxy.ts';

/** A page with an empty inline icon, so the browser asks the server for nothing but the page itself. */
const pageHtml = (host: string, path: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${host}</title></head>` +
  `<body><h1>${host}</h1><p>${path.replace(/[<>&"]/g, '')}</p></body></html>`;

const log = (line: string) => console.log(`[reliability] ${line}`);

/** Polls `read` until `ok` holds (at most `ms`), returning the last value read. */
async function pollUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.locator('h1').waitFor({ timeout: 10_000 });
  return popup;
}

describe('Chromium reliability: service worker restarts', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    server = await startHttpsServer((host, path) => pageHtml(host, path));
    ext = await launchChromium({ port: server.port, hosts: ['*.tiktok.com', 'tiktok.com'] });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  // Proves the background "holds nothing that a restart loses": 20 times, the worker is stopped through CDP
  // (and confirmed stopped), then the TikTok tab is navigated or reloaded; the browser starts a fresh worker
  // (a marker left on the old worker's global is gone, and the toolbar badge that the test cleared before the
  // stop is set again), the in-page badge comes back, and the popup still names TikTok Technology Limited. On
  // every fourth round the worker is stopped a second time just before the popup loads, so the popup's own
  // request is what has to wake it.
  it('survives 20 worker stops: in-page badge, toolbar badge and popup each time', async () => {
    const started = Date.now();
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    expect(await waitForBadge(page)).toContain('TikTok');
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/*');
    const control = await workerController(page, ext.extensionId);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    let stops = 0;
    const roundTimes: number[] = [];
    const badgeTimes: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const roundStart = Date.now();
      const before = await currentWorker(ext.context, ext.extensionId);
      await within(5_000, 'mark the worker and clear the toolbar badge', before.evaluate(async ({ round, id }) => {
        (globalThis as { __rlRound?: number }).__rlRound = round;
        await chrome.action.setBadgeText({ tabId: id, text: '' });
      }, { round: i, id: tabId }));

      await control.stop();
      stops += 1;
      expect(control.status()).toBe('stopped');

      const navigated = Date.now();
      if (i % 2 === 0) await page.goto(`https://www.tiktok.com/?i=${i}`);
      else await page.reload();
      const inPage = await waitForBadge(page);
      expect(inPage, `round ${i}: in-page badge`).toContain('TikTok');
      badgeTimes.push(Date.now() - navigated);

      await control.waitRunning();
      const worker = await currentWorker(ext.context, ext.extensionId);
      // A fresh worker: the marker set on the stopped one is not there.
      expect(await within(5_000, 'read marker', worker.evaluate(() => (globalThis as { __rlRound?: number }).__rlRound)), `round ${i}: restarted worker`).toBeUndefined();
      const toolbar = await pollUntil(
        () => within(5_000, 'getBadgeText', worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)),
        (text) => text !== '',
      );
      expect(Number(toolbar), `round ${i}: toolbar badge "${toolbar}"`).toBeGreaterThanOrEqual(3);

      if (i % 4 === 3) {
        await control.stop();
        stops += 1;
      }
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}&round=${i}`);
      await popup.getByRole('heading', { level: 1, name: 'TikTok' }).waitFor({ timeout: 10_000 });
      await popup.locator('summary', { hasText: 'Who is responsible' }).click();
      expect(await popup.locator('main').innerText(), `round ${i}: popup`).toContain('TikTok Technology Limited');
      await control.waitRunning(5_000); // the popup's request woke it, if it was stopped
      roundTimes.push(Date.now() - roundStart);
    }
    expect(stops).toBe(25);
    await control.detach();
    await popup.close();
    await page.close();
    const range = (xs: number[]) => `min ${Math.min(...xs)}, median ${[...xs].sort((a, b) => a - b)[xs.length >> 1]}, max ${Math.max(...xs)}`;
    log(`worker restarts: ${stops} stops in 20 rounds, ${Date.now() - started} ms; round ms ${range(roundTimes)}; ` +
      `navigation to in-page badge with a stopped worker ms ${range(badgeTimes)}`);
  }, 180_000); // generous for a loaded machine: every wait inside is bounded
});

describe('Chromium reliability: nothing leaves the machine', () => {
  const HOSTS = ['www.tiktok.com', 'news.example-news.com'];
  let server: TestServer;
  let proxy: LoopbackProxy;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    server = await startHttpsServer((host, path) => pageHtml(host, path));
    proxy = await startLoopbackProxy({ allowed: (host) => HOSTS.includes(host), upstreamPort: server.port });
    ext = await launchChromium({ port: server.port, hosts: HOSTS, netLog: true, extraArgs: [`--proxy-server=http://127.0.0.1:${proxy.port}`] });
  });
  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  // Proves the privacy promise on the wire. A scenario (a TikTok page and a second TikTok path, an unrelated
  // news page, the popup for each, the options page, the in-page badge) is run with four recorders:
  // - every request Chromium reports in the whole context (pages, extension pages, the service worker, content
  //   scripts) must be a navigation the test made, a file of the extension itself, or a data: URL; and every
  //   request attributed to an extension context must be a file of the extension;
  // - Chromium's net log, which records who started each request: nothing started by the extension's origin, and
  //   nothing started by a page (where content scripts run) but the test's own navigations;
  // - every request the local HTTPS server receives must be one of the test's own navigations, each once;
  // - all non-loopback traffic goes through a logging proxy that tunnels only the test's hosts and refuses the
  //   rest: every refused connection must belong to a request the browser made by itself (no initiator in the
  //   net log), whatever host that is; which hosts those are is logged, never listed in the test.
  it('every request is a navigation the test made or a file of the extension itself', async () => {
    const started = Date.now();
    const prefix = `chrome-extension://${ext.extensionId}/`;
    const seen: Array<{ url: string; fromExtension: boolean; origin: string }> = [];
    const originOf = (request: Request): string => {
      if (request.serviceWorker()) return `worker ${request.serviceWorker()!.url()}`;
      try {
        return `frame ${request.frame().url()}`;
      } catch {
        return 'unknown';
      }
    };
    ext.context.on('request', (request) => {
      const origin = originOf(request);
      seen.push({ url: request.url(), origin, fromExtension: origin.startsWith(`worker ${prefix}`) || origin.startsWith(`frame ${prefix}`) });
    });
    const visited: string[] = [];
    const visit = async (page: Page, url: string) => {
      visited.push(url);
      await page.goto(url);
    };

    const tiktok = await ext.context.newPage();
    // The worker started before the listener was attached (the proxy and the server saw that time too): stop
    // it, so that its start-up, module loading included, happens under observation as well.
    const control = await workerController(tiktok, ext.extensionId);
    await control.stop();
    await visit(tiktok, 'https://www.tiktok.com/');
    // The stopped worker starts again here, loading its modules from scratch: slow on a loaded 2-core machine.
    expect(await waitForBadge(tiktok, 30_000)).toContain('TikTok');
    await visit(tiktok, 'https://www.tiktok.com/foryou?lang=en');
    expect(await waitForBadge(tiktok)).toContain('TikTok');
    const tiktokTab = await tabIdOf(ext, 'https://www.tiktok.com/foryou*');

    const news = await ext.context.newPage();
    await visit(news, 'https://news.example-news.com/today');
    await news.waitForTimeout(1_000);
    expect(await badgeText(news)).toBeUndefined();
    const newsTab = await ext.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id!)));

    const popup = await openPopup(ext, tiktokTab);
    await popup.getByRole('heading', { level: 1, name: 'TikTok' }).waitFor({ timeout: 10_000 });
    for (const summary of await popup.locator('summary').all()) await summary.click();
    expect(await popup.locator('main').innerText()).toContain('TikTok Technology Limited');
    const newsPopup = await openPopup(ext, newsTab);
    expect(await newsPopup.locator('main').innerText()).toContain('not a platform');
    const options = await ext.context.newPage();
    await options.goto(`${prefix}src/options/index.html`);
    await options.locator('#region').waitFor({ timeout: 10_000 });
    // Give late requests (lazy chunks, timers, pending saves) time to show up.
    await options.waitForTimeout(1_500);
    await control.detach();
    for (const p of [popup, newsPopup, options, news, tiktok]) await p.close();
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The recorders are live: they saw the extension's own pages load and the navigations pass the proxy.
    expect(seen.some((r) => r.origin.startsWith(`frame ${prefix}`) && r.url.startsWith(`${prefix}assets/`))).toBe(true);
    // (A restarted worker takes its modules from the service worker's script cache, not as requests; what it reads
    // on demand, a platform's slice or the server-location table, is a request.)
    expect(seen.some((r) => r.origin.startsWith(`worker ${prefix}`) && r.url.startsWith(prefix))).toBe(true);
    expect(proxy.records.some((r) => r.target === 'www.tiktok.com:443' && r.allowed)).toBe(true);

    // The extension's own files: its two pages, the worker's loader and the bundled assets, icons, messages and
    // the host index the worker reads at start, and the server-location table it reads when the popup asks about a
    // tab with server addresses.
    const isOwnFile = (url: string) =>
      url.startsWith(`${prefix}src/popup/index.html`) || url === `${prefix}src/options/index.html` || url === `${prefix}service-worker-loader.js` ||
      url === `${prefix}data/ip-country.bin` || url === `${prefix}data/host-index.json` ||
      /^\/(assets\/[\w.-]+\.(js|css)|icons\/[\w.-]+\.png|_locales\/[\w-]+\/messages\.json|data\/platforms\/[a-z0-9-]+\.json|content\/badge-scripts\.json)$/.test(new URL(url).pathname);
    const unexpected = seen.filter((r) => !(r.url.startsWith(prefix) || r.url.startsWith('data:') || visited.includes(r.url)));
    expect(unexpected, 'requests that are neither the test\'s navigations nor the extension\'s files').toEqual([]);
    expect(seen.filter((r) => r.fromExtension && !r.url.startsWith(prefix) && !r.url.startsWith('data:')), 'requests made by the extension\'s contexts').toEqual([]);
    expect(seen.filter((r) => r.url.startsWith(prefix) && !isOwnFile(r.url)), 'extension URLs other than its pages and bundled files').toEqual([]);

    const served = server.requests.map((r) => `https://${r.host}${r.path}`).sort();
    expect(served, 'requests the local server received').toEqual([...visited].sort());

    // The net log is complete once the browser has exited.
    await ext.close();
    const requests = readNetLog(ext.netLogFile!);
    const who = byInitiator(requests, ext.extensionId);
    expect(requests.length, 'the net log recorded the test\'s navigations').toBeGreaterThanOrEqual(visited.length);
    expect(who.extension.map((r) => r.url), 'requests the extension\'s origin started').toEqual([]);
    expect(who.pages.filter((r) => !visited.includes(r.url)).map((r) => `${r.initiator} -> ${r.url}`), 'requests a page or content script started').toEqual([]);
    const hostOf = (target: string) => (target.startsWith('http') ? new URL(target).host : target).replace(/:(443|80)$/, '');
    expect(proxy.records.filter((r) => r.allowed && !HOSTS.includes(hostOf(r.target))), 'connections tunnelled through the proxy').toEqual([]);
    const refused = proxy.records.filter((r) => !r.allowed);
    const startedBy = (host: string) => new Set(requests.filter((r) => new URL(r.url).hostname === host).map((r) => r.initiator ?? 'browser'));
    expect(refused.filter((r) => [...startedBy(hostOf(r.target))].some((by) => by !== 'browser')).map((r) => r.target), 'refused connections some page or extension asked for').toEqual([]);
    log(`no-network: ${seen.length} requests seen (${seen.filter((r) => r.fromExtension).length} from extension contexts, ` +
      `${seen.filter((r) => r.origin.startsWith('worker ')).length} of them from the worker, all its own files), ` +
      `${server.requests.length} served, net log: ${requests.length} requests (${who.browser.length} by the browser itself), ` +
      `proxy: ${proxy.records.map((r) => `${r.method} ${hostOf(r.target)}${r.allowed ? '' : ' (refused, by the browser)'}`).join(', ')}; ${Date.now() - started} ms`);
  }, 120_000); // generous for a loaded machine: every wait inside is bounded
});

describe('Chromium reliability: 100 tabs', () => {
  const PLATFORMS: Record<string, string> = {
    'www.tiktok.com': 'TikTok',
    'm.tiktok.com': 'TikTok',
    'www.instagram.com': 'Instagram',
    'www.facebook.com': 'Facebook',
    'www.linkedin.com': 'LinkedIn',
  };
  const OTHERS = ['news.example-news.com', 'shop.example-shop.com'];
  // The toolbar shows the number of destination countries from the bundled dataset, and nothing for a platform
  // whose dataset entry has no sourced data flows yet (LinkedIn today), while the in-page badge still shows.
  const answerer = answererFor(datasetJson as unknown as CompiledDataset);
  // The text the background's own rule gives (a count of destinations, or '?' for a platform with no sourced flows).
  const expectedToolbar = (host: string) => {
    const page = pageOf(answerer, `https://${host}/`);
    return toolbarBadge(page ? unframedSummaryOf(page.platform) : null, 'count', (k) => k, answerer.formatters())?.text ?? '';
  };
  const TABS = 100;
  const BATCH = 10;
  let server: TestServer;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    server = await startHttpsServer((host, path) => pageHtml(host, path));
    ext = await launchChromium({ port: server.port, hosts: [...Object.keys(PLATFORMS), ...OTHERS] });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  // Proves the extension keeps up with many tabs and cleans up after them: 100 tabs are opened in batches of
  // 10, alternating platform hosts and unrelated hosts, each navigated to a first and then a second path. Every
  // platform tab ends with the in-page badge naming its platform and the toolbar badge its dataset entry calls
  // for (the number of destination countries, or '?' where none is sourced yet, see expectedToolbar); every
  // other tab has neither. After all tabs are closed, the worker no longer lists them, storage.session holds no entry for
  // any of them, and the worker's heap (after GC, read over CDP) has grown by less than 20 MB.
  it('opens 100 tabs with the right badges, then closes them leaving no state behind', async () => {
    const started = Date.now();
    const keeper = ext.context.pages()[0] ?? (await ext.context.newPage()); // closing the last tab would end the browser
    // Warm up (first content script, first popup-free summary), so the baseline is not the cold worker.
    const warm = await ext.context.newPage();
    await warm.goto('https://www.tiktok.com/warm-up');
    await waitForBadge(warm);
    await warm.close();
    const worker = await currentWorker(ext.context, ext.extensionId);
    await worker.evaluate(() => ((globalThis as { __rlLoadMarker?: boolean }).__rlLoadMarker = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heapBefore = await workerHeapUsage(keeper, ext.extensionId);

    type Tab = { page: Page; host: string; platform: string | undefined; n: number; url: string };
    const tabs: Tab[] = [];
    const hostFor = (n: number) => {
      const platforms = Object.keys(PLATFORMS);
      return n % 2 === 0 ? platforms[(n / 2) % platforms.length]! : OTHERS[((n - 1) / 2) % OTHERS.length]!;
    };
    // The extension sees the URL of platform tabs only (its host permissions); the others show no URL.
    const listTabs = () => within(5_000, 'tabs.query', worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id!, url: t.url }))));
    const toolbarTexts = (ids: number[]) =>
      within(10_000, 'getBadgeText', worker.evaluate((list) => Promise.all(list.map((id) => chrome.action.getBadgeText({ tabId: id }))), ids));
    // Platform tabs by their (unique) URL, the others as the rest of the new tab ids: all of them must be empty.
    const platformIds = new Map<Tab, number>();
    const otherIds: number[] = [];

    // The dataset gives the platforms badges: at least the TikTok ones must be non-empty, so the check has teeth.
    expect(Number(expectedToolbar('www.tiktok.com'))).toBeGreaterThanOrEqual(3);
    const openStart = Date.now();
    const batchTimes: number[] = [];
    for (let b = 0; b < TABS / BATCH; b += 1) {
      const batchStart = Date.now();
      const known = new Set((await listTabs()).map((t) => t.id));
      const batch: Tab[] = await Promise.all(
        Array.from({ length: BATCH }, async (_, k) => {
          const n = b * BATCH + k;
          const host = hostFor(n);
          return { page: await ext.context.newPage(), host, platform: PLATFORMS[host], n, url: `https://${host}/load/${n}/second?after=first` };
        }),
      );
      await Promise.all(batch.map((t) => t.page.goto(`https://${t.host}/load/${t.n}/first`)));
      await Promise.all(batch.map((t) => t.page.goto(t.url)));
      const texts = await Promise.all(batch.map((t) => (t.platform ? waitForBadge(t.page, 15_000) : Promise.resolve(undefined))));
      batch.forEach((t, i) => {
        if (t.platform) expect(texts[i], `tab ${t.n} (${t.host}): in-page badge`).toContain(t.platform);
      });
      // The platform tabs of this batch are done; the others have had as long and must have nothing.
      for (const t of batch.filter((x) => !x.platform)) {
        expect(await badgeText(t.page), `tab ${t.n} (${t.host}): no in-page badge`).toBeUndefined();
        expect(await t.page.evaluate(() => document.querySelector('residency-lens-badge'))).toBeNull();
      }
      const listed = await listTabs();
      const fresh = listed.filter((t) => !known.has(t.id));
      expect(fresh, `batch ${b}: new tabs`).toHaveLength(BATCH);
      for (const t of batch.filter((x) => x.platform)) {
        const match = fresh.filter((x) => x.url === t.url);
        expect(match, `tab ${t.n} (${t.host}): found by its URL`).toHaveLength(1);
        platformIds.set(t, match[0]!.id);
      }
      const others = fresh.filter((x) => x.url === undefined).map((x) => x.id);
      expect(others, `batch ${b}: tabs whose URL the extension cannot see`).toHaveLength(batch.filter((x) => !x.platform).length);
      otherIds.push(...others);
      const platformTabs = batch.filter((x) => x.platform);
      const expected = [...platformTabs.map((t) => expectedToolbar(t.host)), ...others.map(() => '')];
      const ids = [...platformTabs.map((t) => platformIds.get(t)!), ...others];
      const got = await pollUntil(() => toolbarTexts(ids), (values) => values.every((v, i) => v === expected[i]));
      expect(got, `batch ${b}: toolbar badges (platform tabs ${platformTabs.map((t) => t.host).join(', ')}, then the others)`).toEqual(expected);
      tabs.push(...batch);
      batchTimes.push(Date.now() - batchStart);
    }
    const openMs = Date.now() - openStart;
    expect(tabs).toHaveLength(TABS);
    expect(platformIds.size).toBe(TABS / 2);
    expect(otherIds).toHaveLength(TABS / 2);
    const allIds = [...platformIds.values(), ...otherIds];
    expect(new Set(allIds).size).toBe(TABS);

    // With all 100 open, every badge is still right (no tab's update overwrote another's).
    const finalTexts = await toolbarTexts(allIds);
    expect(finalTexts, 'toolbar badges with all tabs open').toEqual([...[...platformIds.keys()].map((t) => expectedToolbar(t.host)), ...otherIds.map(() => '')]);
    const sessionKeysOpen = Object.keys(await within(5_000, 'storage.session', worker.evaluate(() => chrome.storage.session.get(null))));

    const closeStart = Date.now();
    for (let b = 0; b < TABS / BATCH; b += 1) await Promise.all(tabs.slice(b * BATCH, (b + 1) * BATCH).map((t) => t.page.close()));
    const closed = new Set(allIds);
    const remainingTabs = (await pollUntil(listTabs, (list) => !list.some((t) => closed.has(t.id)))).map((t) => t.id);
    expect(remainingTabs.filter((id) => closed.has(id)), 'closed tabs still listed').toEqual([]);
    const staleKey = (key: string) => key.startsWith('tab:') && closed.has(Number(key.slice(4)));
    // Pending saves are debounced by 300 ms in the background: wait past that before the last look.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const sessionKeys = await pollUntil(
      async () => Object.keys(await within(5_000, 'storage.session', worker.evaluate(() => chrome.storage.session.get(null)))),
      (keys) => !keys.some(staleKey),
    );
    expect(sessionKeys.filter(staleKey), 'storage.session entries for closed tabs').toEqual([]);
    const closeMs = Date.now() - closeStart;

    // The same worker instance all along, so the two heap readings compare.
    expect(await worker.evaluate(() => (globalThis as { __rlLoadMarker?: boolean }).__rlLoadMarker)).toBe(true);
    const heapAfter = await workerHeapUsage(keeper, ext.extensionId);
    const growth = heapAfter.usedSize - heapBefore.usedSize;
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
    log(`100 tabs: opened and checked in ${openMs} ms (per batch of 10: ${batchTimes.join(', ')} ms), closed and checked in ${closeMs} ms, total ${Date.now() - started} ms; ` +
      `storage.session keys with all open: ${sessionKeysOpen.length} (${sessionKeysOpen.filter((k) => k.startsWith('tab:')).length} tab:*), after close: ${sessionKeys.length} [${sessionKeys.join(', ')}]; ` +
      `worker heap used ${mb(heapBefore.usedSize)} MB -> ${mb(heapAfter.usedSize)} MB (growth ${mb(growth)} MB)`);
    expect(growth).toBeLessThan(20 * 1024 * 1024);
  }, 240_000); // generous for a loaded machine: every wait inside is bounded
});
