/**
 * What a person sees, in Debian's firefox-esr (issue 9, points 4 and 6), where Firefox lays out differently from
 * Chromium: the in-page badge in a 320 px window over a fixed footer, its open card in a 400x300 window, a
 * transformed <body> with page rules aimed at the badge, a right-to-left page, and keyboard focus after dismissal;
 * and a browser asking for Swedish, which the extension has no messages for: everything stays English.
 * (The badge's inner direction is read in Chromium, whose DevTools protocol can look inside a closed shadow root.)
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { area, overlap, type Box } from './support/badge-geometry.ts';
import { launchFirefox, openExtensionPage, setFirefoxViewport, waitForFirefoxBadge } from './support/firefox.ts';
import { startHttpsServer, type TestServer } from './support/https-server.ts';
import { layoutRoute } from './support/layout-pages.ts';

const HOSTS = ['www.tiktok.com', 'tiktok.com'];
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startHttpsServer(layoutRoute, 443);
  // A browser asking for Swedish (interface and pages): the extension has no Swedish messages.
  browser = await launchFirefox(HOSTS, { 'intl.locale.requested': 'sv', 'intl.accept_languages': 'sv' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage();
  await setFirefoxViewport(page, viewport);
  await page.goto(`https://www.tiktok.com${path}`);
  expect(await waitForFirefoxBadge(page)).toContain('TikTok');
  return page;
}

/** The badge's host box as the page lays it out (the page can see the host element, not what is inside). */
const hostBox = (page: Page): Promise<Box> =>
  page.evaluate(() => {
    const r = document.querySelector('residency-lens-badge')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

describe('Firefox: the in-page badge in awkward places', () => {
  it('at 320 px stays on screen as a compact pill over a small corner of a fixed footer', async () => {
    const page = await open('/footer', { width: 320, height: 640 });
    const box = await hostBox(page);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.width).toBeLessThanOrEqual(160);
    const footer = await page.evaluate(() => {
      const r = document.getElementById('footer')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    expect(overlap(box, footer) / area(footer)).toBeLessThan(0.25);
    await page.close();
  });

  it('at 400x300, the open card covers less than half of the window', async () => {
    const page = await open('/', { width: 400, height: 300 });
    const closed = await hostBox(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => document.querySelector('residency-lens-badge')!.getBoundingClientRect().height > h + 20, {}, closed.height);
    const box = await hostBox(page);
    expect(area(box) / (400 * 300)).toBeLessThan(0.5);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('with a transformed <body> and page rules aimed at it, stays fixed in its corner at full size; on a right-to-left page too', async () => {
    const plain = await open('/', { width: 900, height: 600 });
    const normal = await hostBox(plain);
    await plain.close();
    for (const path of ['/transform', '/rtl']) {
      const page = await open(path, { width: 900, height: 600 });
      await page.evaluate(() => window.scrollBy(0, 400));
      const box = await hostBox(page);
      // The window less its scrollbars: a fixed element's corner.
      const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
      expect(box.width, path).toBeCloseTo(normal.width, 0);
      expect(box.height, path).toBeCloseTo(normal.height, 0);
      expect(box.x + box.width, path).toBeCloseTo(view.width - 16, 0);
      expect(box.y + box.height, path).toBeCloseTo(view.height - 16, 0);
      await page.close();
    }
  });

  it('gives keyboard focus back to where it was after the badge is dismissed', async () => {
    const page = await open('/focus', { width: 1000, height: 700 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('residency-lens-badge') === null);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.close();
    // Undo the dismissal for any later test in this profile.
    const options = await openExtensionPage(browser, 'src/options/index.html');
    await options.evaluate(() => (globalThis as unknown as { browser: { storage: { sync: { remove(k: string): Promise<void> } } } }).browser.storage.sync.remove('settings'));
    await options.close();
  });
});

/** Country names as Swedish writes them (Irland, Norge, ...), from Intl, so the check does not depend on our spelling. */
const swedish = (...codes: string[]) =>
  codes.flatMap((c) => {
    const [sv, en] = [new Intl.DisplayNames(['sv'], { type: 'region' }).of(c)!, new Intl.DisplayNames(['en'], { type: 'region' }).of(c)!];
    return sv === en ? [] : [sv];
  });
const notIn = (names: string[]) => new RegExp(names.map((n) => `\\b${n}\\b`).join('|'));

describe('Firefox asking for Swedish', () => {
  it('keeps badge and options in English, the language of the messages it has', async () => {
    const reset = await openExtensionPage(browser, 'src/options/index.html');
    await reset.evaluate(() => (globalThis as unknown as { browser: { storage: { sync: { remove(k: string): Promise<void> } } } }).browser.storage.sync.remove('settings'));
    await reset.close();
    const page = await open('/', { width: 1000, height: 700 });
    const text = (await waitForFirefoxBadge(page)) ?? '';
    expect(text).toContain('Ireland');
    expect(text).not.toMatch(notIn(swedish('IE', 'NO', 'CN')));
    await page.close();
    const options = await openExtensionPage(browser, 'src/options/index.html');
    await options.waitForSelector('#country option');
    const lang = await options.evaluate(() => document.documentElement.lang);
    expect(lang).toMatch(/^en/);
    const countries = await options.$$eval('#country option', (els) => els.map((e) => e.textContent ?? ''));
    expect(countries).toContain('Ireland');
    expect(countries.join(' ')).not.toMatch(notIn(swedish('IE', 'DE', 'FR')));
    await options.close();
  });
});
