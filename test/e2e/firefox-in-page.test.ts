/**
 * The hostile-page cases of the in-page issue in Debian's firefox-esr: strict CSP with Trusted Types, a page that
 * replaces globals and hides every element, a single-page app that wipes the body, iframes, and third parties
 * (after the user grants access to all sites from the options page: Firefox's prompt is turned off by a pref).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxBadgeText, launchFirefox, waitForFirefoxBadge } from './support/firefox.ts';
import { HOSTILE_HOSTS, hostileRoute } from './support/hostile-pages.ts';
import { startHttpsServer, type TestServer } from './support/https-server.ts';

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

  it('shows nothing in an iframe, nor on the unrelated page around it', async () => {
    const page = await open('https://news.example-news.com/iframe');
    await new Promise((r) => setTimeout(r, 2500));
    const counts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.querySelectorAll('residency-lens-badge').length)));
    expect(counts.every((n) => n === 0)).toBe(true);
    expect(counts.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('left no error from the extension in any page console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
