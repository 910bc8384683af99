/**
 * The hostile-page cases of the in-page issue in Debian's firefox-esr: strict CSP with Trusted Types, a page that
 * replaces globals and hides every element, a single-page app that wipes the body, iframes, and third parties
 * (after the user grants access to all sites from the options page: Firefox's prompt is turned off by a pref).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxBadgeText, launchFirefox, openExtensionPage, waitForFirefoxBadge } from './support/firefox.ts';
import { HOSTILE_HOSTS, hostileRoute } from './support/hostile-pages.ts';
import { startHttpsServer, type TestServer } from './support/https-server.ts';
import { expectOneScriptWithInlineStyles } from './support/popup-packaging.ts';

let server: TestServer;
let browser: Browser;
const consoleErrors: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Content-Security-Policy|Content Security Policy|page broke|TrustedTypes|Trusted Type|favicon/i.test(m.text())) consoleErrors.push(`${url}: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

beforeAll(async () => {
  server = await startHttpsServer(hostileRoute, 443);
  browser = await launchFirefox(HOSTILE_HOSTS);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox: the badge on hostile pages', () => {
  it('works under a strict CSP with Trusted Types', async () => {
    const page = await open('https://www.tiktok.com/csp');
    expect(await waitForFirefoxBadge(page)).toContain('TikTok');
    // Styled: the shadow root's sheet applied despite style-src 'none'.
    const style = await page.evaluate(() => {
      const host = document.querySelector('residency-lens-badge')!;
      return { position: getComputedStyle(host).position, width: host.getBoundingClientRect().width };
    });
    expect(style.position).toBe('fixed');
    expect(style.width).toBeGreaterThan(100);
    await page.close();
  });

  it('shows the badge on the bare domain and a subdomain, both covered by the one *://*.tiktok.com/* pattern', async () => {
    for (const url of ['https://tiktok.com/', 'https://m.tiktok.com/']) {
      const page = await open(url);
      expect(await waitForFirefoxBadge(page), url).toContain('TikTok');
      await page.close();
    }
  });

  it('works on a page that replaces globals and hides every element', async () => {
    const page = await open('https://www.tiktok.com/overrides');
    expect(await waitForFirefoxBadge(page)).toContain('China');
    await page.close();
  });

  it('follows a single-page app that pushes a new URL and wipes the body', async () => {
    const page = await open('https://www.tiktok.com/spa');
    await waitForFirefoxBadge(page);
    await page.click('#go');
    await page.waitForFunction(() => location.pathname === '/@someone/video/1');
    await page.waitForFunction(() => document.querySelector('residency-lens-badge') !== null, { timeout: 10_000 });
    expect(await firefoxBadgeText(page)).toContain('TikTok');
    await page.close();
  });

  it('puts the badge back when the page removes it in its first script, before the extension watches for that', async () => {
    const page = await open('https://www.tiktok.com/evict');
    await waitForFirefoxBadge(page);
    expect(await page.evaluate(() => (window as unknown as { badgeEvicted: boolean }).badgeEvicted)).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('residency-lens-badge').length)).toBe(1);
    await page.close();
  });

  it('is in the page before its first script runs, and comes last in the Tab order, under the root element', async () => {
    const page = await open('https://www.tiktok.com/skip');
    await waitForFirefoxBadge(page);
    expect(await page.evaluate(() => (window as unknown as { badgeAtFirstScript: boolean }).badgeAtFirstScript)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.localName)).toBe('residency-lens-badge');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip');
    await page.close();
  });

  it('shows nothing in an iframe, nor on the unrelated page around it', async () => {
    const page = await open('https://news.example-news.com/iframe');
    await new Promise((r) => setTimeout(r, 2500));
    const counts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.querySelectorAll('residency-lens-badge').length)));
    expect(counts.every((n) => n === 0)).toBe(true);
    expect(counts.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('after access to all sites is granted in the options page, lists the platforms a news page sent data to', async () => {
    const options = await openExtensionPage(browser, 'src/options/index.html');
    await options.waitForSelector('h1');
    const grant = await options.waitForSelector('::-p-text(Allow on all sites)');
    await grant!.click();
    await options.waitForSelector('::-p-text(Access to all sites: granted.)', { timeout: 10_000 });
    await options.close();

    const page = await open('https://news.example-news.com/pixels');
    await new Promise((r) => setTimeout(r, 1500));
    const probe = await openExtensionPage(browser, 'src/options/index.html');
    const tabId = await probe.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).browser;
      return (await api.tabs.query({ url: 'https://news.example-news.com/pixels' }))[0]!.id;
    });
    await probe.close();
    const popup = await openExtensionPage(browser, `src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('.third-party', { timeout: 10_000 });
    const names = await popup.$$eval('.third-party .row span:first-child', (els) => els.map((e) => e.textContent));
    expect(names.sort()).toEqual(['Facebook', 'TikTok']);
    await expectOneScriptWithInlineStyles(popup);
    await popup.close();
    await page.close();
  });

  it('marks links to platforms in view once link markers are turned on, none for look-alikes', async () => {
    const options = await openExtensionPage(browser, 'src/options/index.html');
    await (await options.waitForSelector('#linkMarkers'))!.click();
    await options.waitForSelector('::-p-text(Saved.)', { timeout: 10_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    await options.close();
    const page = await open('https://news.example-news.com/links');
    await page.waitForFunction(() => document.querySelectorAll('residency-lens-link').length > 0, { timeout: 20_000 });
    const marked = await page.evaluate(() => [...document.querySelectorAll('residency-lens-link')].map((m) => (m.previousElementSibling as HTMLAnchorElement).href));
    expect(marked.length).toBeGreaterThan(2);
    expect(marked.length).toBeLessThan(60);
    expect(marked.every((href) => /^https:\/\/www\.(tiktok|instagram|linkedin)\.com\//.test(href))).toBe(true);
    await page.close();
  });

  it('left no error from the extension in any page console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
