/**
 * One truthful answer per tab (issue #9, points 1, 2 and 5) in Firefox, where tab events, the back/forward cache,
 * registered content scripts and storage locks are Firefox's own (and Firefox resets a tab's toolbar settings on
 * navigation): the toolbar, and the popup page its button opens, follow the tab to a site the extension may not see
 * and back and forward through the back/forward cache; a single-page app's URL changes
 * count no visit and keep the badge; hiding the badge on Gmail leaves Google Search's, and the other way round;
 * tabs hiding the badge at once while an option changes lose nothing; malformed registered data falls back to the background.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeHiding, groupFileOf, type Registered } from './support/badge-registrations.ts';
import { FIREFOX_DIST, firefoxBadgeName, firefoxTabId, firefoxToolbar, firefoxToolbarPopup, inExtension, launchFirefox, openExtensionPage, waitForFirefoxBadge } from './support/firefox.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';
import { platformPopupPage, POPUP_PAGE } from '../../src/core/popup-pages.ts';

const BFCACHE_PROBE = `<script>addEventListener('pageshow', (e) => { if (e.persisted) window.__restored = (window.__restored || 0) + 1; });</script>`;
const SPA = `<p id="route">home</p><button id="go" onclick="history.pushState({}, '', '/spa/' + Date.now()); document.getElementById('route').textContent = location.pathname;">go</button>`;
const HOSTS = ['www.tiktok.com', 'example.org', 'www.google.com', 'mail.google.com', 'www.instagram.com', 'www.facebook.com'];

/** The toolbar button's page on a TikTok tab: TikTok's own, its heading in its HTML (src/core/popup-pages.ts). */
const TIKTOK_PAGE = platformPopupPage('tiktok');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(150);
    value = await read();
  }
  return value;
}

type Stored = { settings?: { siteExceptions?: string[]; badgeCorner?: string }; history?: Array<{ platformId: string; visits: number }> };
const stored = (browser: Browser) =>
  inExtension(browser, async () => {
    const b = (globalThis as unknown as { browser: { storage: { sync: { get(k: string): Promise<Stored> }; local: { get(k: string): Promise<Stored> } } } }).browser;
    return { settings: (await b.storage.sync.get('settings')).settings, history: (await b.storage.local.get('history')).history ?? [] };
  }, null);
const setSettings = (browser: Browser, settings: object | null) =>
  inExtension(browser, async (s) => {
    const b = (globalThis as unknown as { browser: { storage: { sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> }; local: { remove(k: string): Promise<void> } } } }).browser;
    await b.storage.local.remove('history');
    if (s === null) await b.storage.sync.remove('settings');
    else await b.storage.sync.set({ settings: s });
  }, settings);
const registered = (browser: Browser) =>
  inExtension(browser, async () => (await (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Registered[]> } } }).browser.scripting.getRegisteredContentScripts()).map(({ id, js, excludeMatches }) => ({ id, js, excludeMatches })), null);

/** Hides the badge with the keyboard: the badge is the page's first focusable element. */
async function hideBadge(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

let server: TestServer;
beforeAll(async () => {
  server = await startHttpsServer((host, path) => {
    if (path.startsWith('/spa')) return html('TikTok single-page app', SPA);
    return html(`Page at ${host}`, BFCACHE_PROBE);
  }, 443);
});
afterAll(async () => server?.close());

describe('Firefox: the tab state', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox(HOSTS);
    await until(() => registered(browser), (ids) => ids.length > 100);
  });
  afterAll(async () => browser?.close());

  it('the toolbar follows the tab from tiktok.com to example.org, and back and forward through the back/forward cache', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.tiktok.com/');
    const tabId = await firefoxTabId(browser, 'https://www.tiktok.com/');
    expect((await until(() => firefoxToolbar(browser, tabId), (b) => b.title.startsWith('TikTok – '))).title).toMatch(/^TikTok – /);
    expect(await until(() => firefoxToolbarPopup(browser, tabId), (u) => u.endsWith(`/${TIKTOK_PAGE}`))).toMatch(new RegExp(`^moz-extension://[\\w-]+/${TIKTOK_PAGE}$`));
    // That page draws the whole popup into the heading it came with.
    const popup = await openExtensionPage(browser, `${TIKTOK_PAGE}?tab=${tabId}`);
    await popup.waitForSelector('.headline', { timeout: 10_000 });
    expect(await popup.$$eval('h1', (hs) => hs.map((h) => h.textContent))).toEqual(['TikTok']);
    await popup.close();
    await page.goto('https://example.org/');
    expect(await until(() => firefoxToolbar(browser, tabId), (b) => b.text === '' && b.title === 'Residency Lens')).toEqual({ text: '', title: 'Residency Lens' });
    expect(await until(() => firefoxToolbarPopup(browser, tabId), (u) => u.endsWith(`/${POPUP_PAGE}`))).toMatch(new RegExp(`/${POPUP_PAGE}$`));
    await page.evaluate(() => history.back());
    await until(() => page.evaluate(() => (window as { __restored?: number }).__restored ?? 0).catch(() => 0), (n) => n === 1);
    expect(await page.evaluate(() => location.host)).toBe('www.tiktok.com');
    expect((await until(() => firefoxToolbar(browser, tabId), (b) => b.title.startsWith('TikTok – '))).title).toMatch(/^TikTok – /);
    expect(await until(() => firefoxToolbarPopup(browser, tabId), (u) => u.endsWith(`/${TIKTOK_PAGE}`))).toMatch(new RegExp(`^moz-extension://[\\w-]+/${TIKTOK_PAGE}$`));
    expect(await firefoxBadgeName(page)).toBe('TikTok');
    await page.evaluate(() => history.forward());
    await until(() => page.evaluate(() => (location.host === 'example.org' ? ((window as { __restored?: number }).__restored ?? 0) : 0)).catch(() => 0), (n) => n === 1);
    expect(await until(() => firefoxToolbar(browser, tabId), (b) => b.text === '' && b.title === 'Residency Lens')).toEqual({ text: '', title: 'Residency Lens' });
    expect(await until(() => firefoxToolbarPopup(browser, tabId), (u) => u.endsWith(`/${POPUP_PAGE}`))).toMatch(new RegExp(`/${POPUP_PAGE}$`));
    await page.close();
  });

  it('a single-page app changing its URL neither counts a visit nor re-creates the badge', async () => {
    await setSettings(browser, { version: 1, history: true });
    const page = await browser.newPage();
    await page.goto('https://www.tiktok.com/spa');
    expect(await waitForFirefoxBadge(page)).toContain('TikTok');
    const visits = async () => ((await stored(browser)).history ?? []).filter((e) => e.platformId === 'tiktok').reduce((n, e) => n + e.visits, 0);
    expect(await until(visits, (n) => n === 1)).toBe(1);
    await page.evaluate(() => ((window as { __badge?: Element }).__badge = document.querySelector('residency-lens-badge')!));
    for (let i = 0; i < 3; i += 1) {
      await page.click('#go');
      await sleep(300);
    }
    await sleep(1_000);
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge') === (window as { __badge?: Element }).__badge)).toBe(true);
    expect(await visits()).toBe(1);
    await page.goto('https://www.tiktok.com/spa/again');
    expect(await until(visits, (n) => n === 2)).toBe(2);
    await setSettings(browser, null);
    await page.close();
  });

  it('hiding the badge on Gmail leaves it on Google Search', async () => {
    const gmail = await browser.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/');
    expect(await waitForFirefoxBadge(gmail)).toContain('Gmail');
    await hideBadge(gmail);
    expect((await until(() => stored(browser), (s) => (s.settings?.siteExceptions?.length ?? 0) > 0)).settings?.siteExceptions).toEqual(['mail.google.com']);
    // Every host under mail.google.com hidden: its pages leave the badge's registration.
    expect(badgeHiding(await until(() => registered(browser), (r) => badgeHiding(r, 'mail.google.com') !== 'shown'), 'mail.google.com')).toBe('excluded');
    await gmail.reload();
    await sleep(1_000);
    expect(await firefoxBadgeName(gmail)).toBeUndefined();
    const search = await browser.newPage();
    await search.goto('https://www.google.com/search?q=residency');
    expect(await firefoxBadgeName(search)).toBe('Google Search');
    await setSettings(browser, null);
    await until(() => registered(browser), (r) => badgeHiding(r, 'mail.google.com') === 'shown');
    await gmail.close();
    await search.close();
  });

  it('hiding the badge on Google Search leaves it on Gmail, under the host hidden', async () => {
    const search = await browser.newPage();
    await search.goto('https://www.google.com/search?q=residency');
    expect(await waitForFirefoxBadge(search)).toContain('Google Search');
    await hideBadge(search);
    expect((await until(() => stored(browser), (s) => (s.settings?.siteExceptions?.length ?? 0) > 0)).settings?.siteExceptions).toEqual(['google.com']);
    // google.com's pages stay in the registration, with a marker that says the badge is hidden there, so that
    // mail.google.com's keep theirs.
    expect(badgeHiding(await until(() => registered(browser), (r) => badgeHiding(r, 'google.com') !== 'shown'), 'google.com')).toBe('marker');
    await search.reload();
    await sleep(1_000);
    expect(await firefoxBadgeName(search)).toBeUndefined();
    const gmail = await browser.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/');
    expect(await waitForFirefoxBadge(gmail)).toContain('Gmail');
    await setSettings(browser, null);
    await until(() => registered(browser), (r) => badgeHiding(r, 'google.com') === 'shown');
    await gmail.close();
    await search.close();
  });

  it('three tabs hiding the badge at once while an option changes: every change is kept', async () => {
    const pages = await Promise.all(['https://www.tiktok.com/', 'https://www.instagram.com/', 'https://www.facebook.com/'].map(async (url) => {
      const page = await browser.newPage();
      await page.goto(url);
      await waitForFirefoxBadge(page);
      return page;
    }));
    const options = await openExtensionPage(browser, 'src/options/index.html');
    await options.waitForSelector('#badgeCorner');
    // Firefox takes keys in the tab in front only: the tabs hide their badges one after another, each without waiting
    // for the background's write, while the options page changes the corner.
    const hideAll = async () => {
      for (const page of pages) {
        await page.bringToFront();
        await hideBadge(page);
      }
    };
    await Promise.all([hideAll(), options.select('#badgeCorner', 'top-left')]);
    const result = await until(() => stored(browser), (s) => s.settings?.siteExceptions?.length === 3 && s.settings.badgeCorner === 'top-left');
    expect([...(result.settings?.siteExceptions ?? [])].sort()).toEqual(['facebook.com', 'instagram.com', 'tiktok.com']);
    expect(result.settings?.badgeCorner).toBe('top-left');
    await setSettings(browser, null);
    for (const page of [...pages, options]) await page.close();
  });
});

describe('Firefox: malformed registered data', () => {
  it('does not hide the badge: the content script asks the background', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'rl-broken-dist-')), 'firefox');
    cpSync(FIREFOX_DIST, dist, { recursive: true });
    writeFileSync(join(dist, groupFileOf(JSON.parse(readFileSync(join(dist, 'content/badge-scripts.json'), 'utf8')), 'tiktok.com')), '(globalThis.residencyLens ??= {}).table = { hosts: "garbage", platforms: 5 };\n');
    const browser = await launchFirefox(HOSTS, {}, dist);
    try {
      await until(() => registered(browser), (r) => r.some((s) => s.id.startsWith('badge:')));
      const page = await browser.newPage();
      await page.goto('https://www.tiktok.com/');
      expect(await waitForFirefoxBadge(page)).toContain('TikTok');
      expect(await firefoxBadgeName(page)).toBe('TikTok');
    } finally {
      await browser.close();
    }
  });
});
