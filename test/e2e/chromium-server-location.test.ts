/**
 * Server locations over IPv6 in the built extension. A loopback page has no country, so the test checks the two
 * halves honestly: (1) a platform page served over IPv6 (::1): webRequest reports the IPv6 address, the worker
 * keeps it for the tab, and when the popup asks it reads its server-location table (its own file, once) and
 * shows no country for loopback; (2) the same tab's stored activity with a public IPv6 address of Meta's, restored
 * by a restarted worker as after any restart: the popup names the country the shipped table gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeIpCountryTable, IP_COUNTRY_FILE } from '../../src/core/ip-country/format.ts';
import { createIpCountryLookup } from '../../src/core/ip-country/lookup.ts';
import { CHROME_DIST, launchChromium, tabIdOf, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { within, workerController } from './support/extension-worker.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

const META_IPV6 = '2a03:2880:f12f:83:face:b00c:0:25de';

describe('Chromium: server location over IPv6', () => {
  let server: TestServer;
  let ext: ExtensionBrowser;
  const workerFetches: string[] = [];

  beforeAll(async () => {
    server = await startHttpsServer((host) => (host === 'www.tiktok.com' ? html('TikTok - Make Your Day') : undefined), 0, '::1');
    ext = await launchChromium({ port: server.port, hosts: ['www.tiktok.com'], address: '[::1]' });
    ext.context.on('request', (request) => {
      if (request.serviceWorker()) workerFetches.push(request.url());
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /**
   * Opens the tab's popup with an init script that records, before the popup's own code runs, the server line as
   * first drawn and every layout shift after (read back with `firstPaint`): the table arrives after the first paint,
   * and the line must be kept for it, not pushed in. `waitForHeading`: false where the test waits for its own sign
   * that the popup has drawn (after a worker restart, the country's line itself).
   */
  const openPopup = async (tabId: number, waitForHeading = true): Promise<Page> => {
    const popup = await ext.context.newPage();
    await popup.addInitScript(() => {
      const w = window as unknown as { __firstServerLine?: string | null; __shifts: number[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) w.__shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
      const mo = new MutationObserver(() => {
        if (!document.querySelector('h1')) return;
        w.__firstServerLine = document.querySelector('header .server')?.textContent ?? null;
        mo.disconnect();
      });
      mo.observe(document, { childList: true, subtree: true });
    });
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    if (waitForHeading) await popup.getByRole('heading', { level: 1, name: 'TikTok' }).waitFor({ timeout: 10_000 });
    return popup;
  };
  /** What openPopup's init script saw: the server line at the first paint, and the layout shift summed since. */
  const firstPaint = async (popup: Page) =>
    popup.evaluate(() => {
      const w = window as unknown as { __firstServerLine?: string | null; __shifts: number[] };
      return { first: w.__firstServerLine, shift: w.__shifts.reduce((sum, v) => sum + v, 0) };
    });
  /** The activity of the page on screen, as the per-tab state machine keeps it (src/background/tab-machine.ts). */
  const storedActivity = async (tabId: number) =>
    ext.worker.evaluate(
      async (key) => ((await chrome.storage.session.get(key))[key] as { current?: { activity?: { pageHost: string; pageIp?: string } } } | undefined)?.current?.activity,
      `tab:${tabId}`,
    );

  it('keeps the IPv6 address of a page served over IPv6, and reads its table when the popup asks', async () => {
    // A page loaded while the worker is still starting may go unobserved (its listeners are not yet there).
    await ext.worker.evaluate(async () => {
      for (let i = 0; i < 100 && !chrome.webRequest.onResponseStarted.hasListeners(); i += 1) await new Promise((r) => setTimeout(r, 50));
    });
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    expect(await waitForBadge(page)).toContain('TikTok');
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/*');
    let activity = await storedActivity(tabId);
    for (let i = 0; i < 50 && activity?.pageIp === undefined; i += 1) {
      await page.waitForTimeout(100);
      activity = await storedActivity(tabId);
    }
    expect(activity).toMatchObject({ pageHost: 'www.tiktok.com', pageIp: '::1' });

    const table = `chrome-extension://${ext.extensionId}/${IP_COUNTRY_FILE}`;
    expect(workerFetches.filter((url) => url === table)).toEqual([]);
    const popup = await openPopup(tabId);
    // Loopback is in no country: once the table is read, the line kept for the country says it could not be told,
    // in the room kept for it (no layout shift).
    const unknown = 'The IP address of the server that answered for this page does not show which country it is in.';
    await within(30_000, 'server line', popup.locator('header .server', { hasText: unknown }).waitFor({ timeout: 30_000 }));
    expect(workerFetches.filter((url) => url === table)).toEqual([table]);
    await popup.waitForTimeout(300);
    const seen = await firstPaint(popup);
    expect(seen.first, 'the first paint keeps the line empty').toBe('\u00a0');
    expect(seen.shift, 'layout shift when the line was filled').toBe(0);
    await popup.close();
    await page.close();
  });

  it('names the country of a public IPv6 server from the shipped table, after a worker restart', async () => {
    const lookup = createIpCountryLookup(decodeIpCountryTable(new Uint8Array(readFileSync(join(CHROME_DIST, IP_COUNTRY_FILE)))));
    const expected = lookup(META_IPV6);
    expect(expected, 'the table places Meta\'s address').toBeDefined();
    const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(expected!)!;

    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/?second');
    expect(await waitForBadge(page)).toContain('TikTok');
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/?second');
    // Put a public address in the tab's saved state, once the worker's own coalesced saves of this page are done
    // (a later save of the page's loopback address would overwrite it).
    for (let i = 0; i < 20 && (await storedActivity(tabId))?.pageIp !== META_IPV6; i += 1) {
      await page.waitForTimeout(500);
      await ext.worker.evaluate(async ([key, ip]) => {
        const stored = (await chrome.storage.session.get(key))[key] as { current: { activity: Record<string, unknown> } };
        await chrome.storage.session.set({ [key]: { ...stored, current: { ...stored.current, activity: { ...stored.current.activity, pageIp: ip } } } });
      }, [`tab:${tabId}`, META_IPV6] as const);
      await page.waitForTimeout(500);
    }
    expect((await storedActivity(tabId))?.pageIp).toBe(META_IPV6);
    const control = await workerController(page, ext.extensionId);
    await control.stop();
    await control.detach();

    // The restarted worker answers the popup before it has read its table: the popup draws with the country's line
    // kept empty, then fills it, and nothing on the page moves (issue #12: the popup never waits for the table).
    const popup = await openPopup(tabId, false);
    const sentence = `Where the server that answered for this page is, judging by its IP address: ${country}.`;
    await within(30_000, 'server country', popup.locator('header .server', { hasText: sentence }).waitFor({ timeout: 30_000 }));
    await popup.waitForTimeout(300);
    const seen = await firstPaint(popup);
    expect(seen.first, 'the first paint keeps the line empty').toBe('\u00a0');
    expect(seen.shift, 'layout shift when the country came').toBe(0);
    await popup.close();
    await page.close();
  });
});
