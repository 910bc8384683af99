/**
 * One truthful answer per tab (issue #9, points 1, 5 and 7), in Chromium with the back/forward cache on:
 * - the toolbar follows the tab from tiktok.com to example.org without access to all sites, its button opening
 *   TikTok's own popup page there and the generic one elsewhere;
 * - back and forward show the state of the page on screen, from the back/forward cache too, with that page's own
 *   third parties;
 * - a prerendered page (speculation rules) changes nothing until it is shown (puppeteer: Playwright turns
 *   prerendering off);
 * - a single-page app's URL changes neither count a visit in the opt-in history nor re-create the badge;
 * - hiding the badge on Gmail leaves it on Google Search, and hiding it on Google Search leaves it on Gmail;
 * - three tabs hiding the badge at once while an option changes lose nothing;
 * - a registered data file that is malformed does not hide the badge: the content script asks the background;
 * - after the background was stopped, the page that wakes it is what the toolbar shows, with its first requests.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeName, CHROME_ALL_SITES_DIST, CHROME_DIST, launchChromium, tabIdOf, toolbarBadge, toolbarPopupUrl, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { badgeHiding, groupFileOf } from './support/badge-registrations.ts';
import { launchChromiumPuppeteer } from './support/chromium-puppeteer.ts';
import { currentWorker, workerController } from './support/extension-worker.ts';
import { html, startHttpsServer, type Page as Served, type TestServer } from './support/https-server.ts';
import { platformPopupPage, POPUP_PAGE } from '../../src/core/popup-pages.ts';

/** The toolbar button's page on a TikTok tab: TikTok's own, its heading in its HTML (src/core/popup-pages.ts). */
const TIKTOK_PAGE = platformPopupPage('tiktok');

/** Counts restores from the back/forward cache, so a test can tell it was used. */
const BFCACHE_PROBE = `<script>addEventListener('pageshow', (e) => { if (e.persisted) window.__restored = (window.__restored || 0) + 1; });</script>`;
const PIXELS = {
  tiktok: '<img alt="" src="https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=TEST">',
  facebook: '<script src="https://connect.facebook.net/en_US/fbevents.js"></script>',
};
const SPA = `<p id="route">home</p><button id="go" onclick="history.pushState({}, '', '/spa/' + Date.now()); document.getElementById('route').textContent = location.pathname;">go</button>`;

function route(host: string, path: string): Served | string {
  const url = new URL(path, `https://${host}`);
  if (host === 'analytics.tiktok.com' || host === 'connect.facebook.net' || url.pathname.endsWith('.gif')) return { headers: { 'content-type': 'text/plain' }, body: '' };
  if (url.pathname === '/spec') {
    // Speculation rules: prerender Gmail from a Google Search page (same site, so Gmail must opt in, below).
    return html('Google Search', `<script type="speculationrules">{"prerender":[{"source":"list","urls":["https://mail.google.com/prerendered"]}]}</script><a id="go" href="https://mail.google.com/prerendered">Gmail</a>`);
  }
  if (host === 'mail.google.com' && url.pathname === '/prerendered') {
    return {
      headers: { 'supports-loading-mode': 'credentialed-prerender' },
      body: html('Gmail', `<script>document.documentElement.dataset.wasPrerendered = String(document.prerendering === true);</script><img alt="" src="https://www.instagram.com/px.gif">`),
    };
  }
  if (url.pathname.startsWith('/spa')) return html('TikTok single-page app', SPA);
  if (url.pathname === '/pixels') return html(`Both pixels at ${host}`, BFCACHE_PROBE + PIXELS.tiktok + PIXELS.facebook);
  if (url.pathname === '/one-pixel') return html(`One pixel at ${host}`, BFCACHE_PROBE + PIXELS.tiktok);
  return html(`Page at ${host}`, BFCACHE_PROBE);
}

const HOSTS = [
  'www.tiktok.com', 'analytics.tiktok.com', 'example.org', 'news.example-news.com', 'other.example-news.com', 'connect.facebook.net',
  'www.google.com', 'mail.google.com', 'www.instagram.com', 'www.facebook.com',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Reads `read` until `ok` holds or 5 s have passed; returns the last value. */
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await sleep(100);
    value = await read();
  }
  return value;
}
const storedSettings = (ext: ExtensionBrowser) => ext.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined);
const storedHistory = (ext: ExtensionBrowser) => ext.worker.evaluate(async () => ((await chrome.storage.local.get('history')).history ?? []) as Array<{ platformId: string; visits: number }>);
const visitsOf = async (ext: ExtensionBrowser, id: string) => (await storedHistory(ext)).filter((e) => e.platformId === id).reduce((n, e) => n + e.visits, 0);

let server: TestServer;
beforeAll(async () => {
  server = await startHttpsServer(route);
});
afterAll(async () => server?.close());

/**
 * The page is on screen again after going back or forward: restored from the back/forward cache (its pageshow
 * counted a restore), or, when Chromium chose not to keep it (it may, under memory pressure), loaded afresh. The
 * toolbar must be right either way; which of the two happened is logged.
 */
async function shownAgain(page: Page, step: string): Promise<void> {
  await page.waitForFunction(() => (window as { __restored?: number }).__restored === 1 || document.readyState === 'complete');
  const restored = await page.evaluate(() => (window as { __restored?: number }).__restored === 1);
  console.log(`[tab-state] ${step}: ${restored ? 'restored from the back/forward cache' : 'loaded afresh (not kept in the back/forward cache)'}`);
}

describe('Chromium: the tab state, without access to all sites', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS, backForwardCache: true });
  });
  afterAll(async () => ext?.close());

  it('the toolbar follows the tab from tiktok.com to example.org, and back and forward through the back/forward cache', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.title.startsWith('TikTok – '))).title).toMatch(/^TikTok – /);
    expect(await until(() => toolbarPopupUrl(ext, tabId), (u) => u.endsWith(TIKTOK_PAGE))).toMatch(new RegExp(`^chrome-extension://${ext.extensionId}/${TIKTOK_PAGE}$`));

    // example.org: the extension may not see it, so it is no platform, whatever was on screen before.
    await page.locator('body').evaluate(() => (location.href = 'https://example.org/'));
    await page.waitForURL('https://example.org/');
    const away = await until(() => toolbarBadge(ext, tabId), (b) => b.text === '' && b.title === 'Residency Lens');
    expect(away).toEqual({ text: '', title: 'Residency Lens' });
    expect(await until(() => toolbarPopupUrl(ext, tabId), (u) => u.endsWith(POPUP_PAGE))).toMatch(new RegExp(`/${POPUP_PAGE}$`));

    // Back: TikTok's page comes out of the back/forward cache; the toolbar says TikTok again.
    await page.goBack({ waitUntil: 'commit' });
    await shownAgain(page, 'back');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.title.startsWith('TikTok – '))).title).toMatch(/^TikTok – /);
    expect(await until(() => badgeName(page), (name) => name === 'TikTok')).toBe('TikTok');
    expect(await until(() => toolbarPopupUrl(ext, tabId), (u) => u.endsWith(TIKTOK_PAGE))).toMatch(new RegExp(`/${TIKTOK_PAGE}$`));

    // Forward: example.org out of the cache; nothing of TikTok's carries over.
    await page.goForward({ waitUntil: 'commit' });
    await shownAgain(page, 'forward');
    expect(await until(() => toolbarBadge(ext, tabId), (b) => b.text === '' && b.title === 'Residency Lens')).toEqual({ text: '', title: 'Residency Lens' });
    expect(await until(() => toolbarPopupUrl(ext, tabId), (u) => u.endsWith(POPUP_PAGE))).toMatch(new RegExp(`/${POPUP_PAGE}$`));
    await page.close();
  });

  it('a single-page app changing its URL neither counts a visit nor re-creates the badge', async () => {
    await ext.worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, history: true } }));
    await ext.worker.evaluate(() => chrome.storage.local.remove('history'));
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/spa');
    expect(await waitForBadge(page)).toContain('TikTok');
    expect(await until(() => visitsOf(ext, 'tiktok'), (n) => n === 1)).toBe(1);
    await page.evaluate(() => ((window as { __badge?: Element }).__badge = document.querySelector('residency-lens-badge')!));
    for (let i = 0; i < 3; i += 1) {
      await page.click('#go');
      await page.waitForFunction((n) => document.getElementById('route')!.textContent!.startsWith('/spa/') && history.length >= n, i + 2);
    }
    await sleep(1_000);
    // The same element as before the URL changes: never removed and drawn again.
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge') === (window as { __badge?: Element }).__badge)).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('residency-lens-badge').length)).toBe(1);
    expect(await visitsOf(ext, 'tiktok')).toBe(1);
    // A real navigation is a new visit.
    await page.goto('https://www.tiktok.com/spa/again');
    expect(await until(() => visitsOf(ext, 'tiktok'), (n) => n === 2)).toBe(2);
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    await page.close();
  });

  /** Hides the badge with the keyboard, as a person would: the badge is the page's first focusable element. */
  const registrations = () => ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());

  async function hideBadge(page: Page): Promise<void> {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }

  it('hiding the badge on Gmail leaves it on Google Search', async () => {
    const gmail = await ext.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/');
    expect(await badgeName(gmail)).toBe('Gmail');
    await hideBadge(gmail);
    expect(await until(async () => (await storedSettings(ext))?.siteExceptions, (v) => Array.isArray(v) && v.length > 0)).toEqual(['mail.google.com']);
    // Every host under mail.google.com hidden: its pages leave the badge's registration.
    expect(badgeHiding(await until(registrations, (r) => badgeHiding(r, 'mail.google.com') !== 'shown'), 'mail.google.com')).toBe('excluded');
    await gmail.reload();
    expect(await badgeName(gmail)).toBeUndefined();
    const search = await ext.context.newPage();
    await search.goto('https://www.google.com/search?q=residency');
    expect(await badgeName(search)).toBe('Google Search');
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    await gmail.close();
    await search.close();
  });

  it('hiding the badge on Google Search leaves it on Gmail, under the host hidden', async () => {
    const search = await ext.context.newPage();
    await search.goto('https://www.google.com/search?q=residency');
    expect(await badgeName(search)).toBe('Google Search');
    await hideBadge(search);
    expect(await until(async () => (await storedSettings(ext))?.siteExceptions, (v) => Array.isArray(v) && v.length > 0)).toEqual(['google.com']);
    // google.com's pages stay in the registration, with a marker that says the badge is hidden there, so that
    // mail.google.com's keep theirs.
    expect(badgeHiding(await until(registrations, (r) => badgeHiding(r, 'google.com') !== 'shown'), 'google.com')).toBe('marker');
    await search.reload();
    await search.waitForTimeout(1_000); // long enough for an answer from the background, had the page asked for one
    expect(await badgeName(search)).toBeUndefined();
    const gmail = await ext.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/');
    expect(await badgeName(gmail)).toBe('Gmail');
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    await gmail.close();
    await search.close();
  });

  it('three tabs hiding the badge at once while an option changes: every change is kept', async () => {
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    await until(() => ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length), (n) => n > 100);
    const pages = await Promise.all(['https://www.tiktok.com/', 'https://www.instagram.com/', 'https://www.facebook.com/'].map(async (url) => {
      const page = await ext.context.newPage();
      await page.goto(url);
      await waitForBadge(page);
      return page;
    }));
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('#badgeCorner').waitFor();
    await Promise.all([...pages.map(hideBadge), options.locator('#badgeCorner').selectOption('top-left')]);
    const settings = await until(() => storedSettings(ext), (s) => (s?.siteExceptions as string[] | undefined)?.length === 3 && s?.badgeCorner === 'top-left');
    expect([...((settings?.siteExceptions as string[]) ?? [])].sort()).toEqual(['facebook.com', 'instagram.com', 'tiktok.com']);
    expect(settings?.badgeCorner).toBe('top-left');
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    for (const page of [...pages, options]) await page.close();
  });
});

describe('Chromium: the tab state, with access to all sites', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS, dist: CHROME_ALL_SITES_DIST, backForwardCache: true });
  });
  afterAll(async () => ext?.close());

  it('going back through the back/forward cache shows that page\'s own third parties', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://news.example-news.com/pixels');
    const tabId = await tabIdOf(ext, 'https://news.example-news.com/pixels');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.text === '2')).text).toBe('2');
    await page.goto('https://other.example-news.com/');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.text === '')).text).toBe('');
    await page.goBack({ waitUntil: 'commit' });
    await shownAgain(page, 'back');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.text === '2')).text).toBe('2');
    await page.close();
  });

  it('after the background was stopped, the page that wakes it is on the toolbar with its first request, not the page before', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://news.example-news.com/pixels');
    const tabId = await tabIdOf(ext, 'https://news.example-news.com/pixels');
    expect((await until(() => toolbarBadge(ext, tabId), (b) => b.text === '2')).text).toBe('2');
    await sleep(800); // past the background's 300 ms coalescing of what it keeps in storage.session
    // Many other tabs' saved state, as after a long session, is read back with this tab's. (Chromium 156 starts the
    // background as the navigation begins and hands it the navigation's events about half a second later, so here
    // the state is usually back first; the opposite order, which the issue saw, is driven exactly by the unit test
    // test/unit/background/tab-machine.test.ts.)
    await ext.worker.evaluate(async () => {
      const doc = { url: 'https://www.tiktok.com/x', urls: ['https://www.tiktok.com/x'], visited: true, activity: { pageHost: 'www.tiktok.com', platforms: [{ platformId: 'facebook', hosts: ['connect.facebook.net'], requests: 3, ips: ['192.0.2.1'] }] } };
      const entries = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`tab:${900_000 + i}`, { current: doc, recent: [doc, doc, doc], prerendered: [] }]));
      await chrome.storage.session.set(entries);
    });
    const control = await workerController(page, ext.extensionId);
    await control.stop();
    await control.detach();
    // The navigation wakes the background.
    await page.goto('https://other.example-news.com/one-pixel');
    const worker = await currentWorker(ext.context, ext.extensionId);
    const read = () => worker.evaluate((id) => Promise.all([chrome.action.getBadgeText({ tabId: id }), chrome.action.getTitle({ tabId: id })]), tabId);
    const [text, title] = await until(read, ([t]) => t === '1');
    expect(text).toBe('1');
    expect(title).toMatch(/1 platforms?: TikTok$/);
    await sleep(500);
    expect(await read()).toEqual([text, title]);
    // What the popup lists is the same page's: the state saved before the stop did not overwrite it.
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('h1').waitFor();
    expect(await popup.locator('.third-party .row span:first-child').allInnerTexts()).toEqual(['TikTok']);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: malformed registered data', () => {
  it('does not hide the badge: the content script asks the background', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'rl-broken-dist-')), 'chrome');
    cpSync(CHROME_DIST, dist, { recursive: true });
    writeFileSync(join(dist, groupFileOf(JSON.parse(readFileSync(join(dist, 'content/badge-scripts.json'), 'utf8')), 'tiktok.com')), '(globalThis.residencyLens ??= {}).table = { hosts: "garbage", platforms: 5 };\n');
    const ext = await launchChromium({ port: server.port, hosts: HOSTS, dist });
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    expect(await waitForBadge(page)).toContain('TikTok');
    expect(await until(() => badgeName(page), (name) => name === 'TikTok')).toBe('TikTok');
    await ext.close();
  });
});

describe('Chromium: a prerendered page', () => {
  it('changes nothing until it is shown, then is what the toolbar and the history say', async () => {
    const { browser, worker } = await launchChromiumPuppeteer({ port: server.port, hosts: HOSTS });
    try {
      await worker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, history: true } }));
      const page = await browser.newPage();
      await page.goto('https://www.google.com/spec');
      const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://www.google.com/spec' }))[0]!.id!);
      const toolbar = () => worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
      const history = () => worker.evaluate(async () => ((await chrome.storage.local.get('history')).history ?? []) as Array<{ platformId: string }>);
      // The prerendered Gmail page has loaded, and its Instagram pixel too.
      // Chromium prerenders when it has the resources to spare: on a loaded 2-core machine that can take a while.
      await until(async () => server.requests.some((r) => r.host === 'mail.google.com' && r.path === '/prerendered'), Boolean, 30_000);
      await until(async () => server.requests.some((r) => r.host === 'www.instagram.com'), Boolean, 30_000);
      expect(server.requests.some((r) => r.host === 'mail.google.com' && r.path === '/prerendered'), 'Chromium prerendered the Gmail page').toBe(true);
      await sleep(1_000);
      const before = await toolbar();
      expect(before.title).toMatch(/^Google Search – /);
      expect(before.title).not.toMatch(/Gmail|Instagram/);
      expect((await history()).map((e) => e.platformId)).toEqual(['google-search']);

      // Following the link activates the prerendered page: now it is on screen.
      await page.click('#go');
      // (Activation swaps the page's frames under puppeteer's page object: the tab is read through the extension.)
      await until(() => worker.evaluate(async (id) => (await chrome.tabs.get(id)).url, tabId), (url) => url === 'https://mail.google.com/prerendered');
      const [marked] = await worker.evaluate(
        async (id) => chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.documentElement.dataset.wasPrerendered }),
        tabId,
      );
      expect(marked?.result).toBe('true');
      const after = await until(toolbar, (b) => b.title.startsWith('Gmail – '));
      expect(after.title).toMatch(/^Gmail – .*Instagram/);
      expect((await until(history, (h) => h.length === 2)).map((e) => e.platformId).sort()).toEqual(['gmail', 'google-search']);
    } finally {
      await browser.close();
    }
  });
});
