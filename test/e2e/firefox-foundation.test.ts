/** The built dist/firefox in Debian's firefox-esr: the same page test as in Chromium. */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, waitForFirefoxBadge, firefoxBadgeText } from './support/firefox.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startHttpsServer((host) => html(host === 'www.tiktok.com' ? 'TikTok - Make Your Day' : `News at ${host}`), 443);
  browser = await launchFirefox(['www.tiktok.com', 'tiktok.com', 'news.example-news.com']);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox: foundation', () => {
  it('shows the badge on https://www.tiktok.com/ with the platform and its destination countries', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.tiktok.com/');
    const text = await waitForFirefoxBadge(page);
    expect(text).toContain('TikTok');
    expect(text).toContain('China');
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge')?.shadowRoot ?? null)).toBeNull();
    await page.close();
  });

  it('shows no badge on an unrelated site', async () => {
    const page = await browser.newPage();
    await page.goto('https://news.example-news.com/');
    await new Promise((r) => setTimeout(r, 2000));
    expect(await firefoxBadgeText(page)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge') === null)).toBe(true);
    await page.close();
  });
});
