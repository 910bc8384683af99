/**
 * The popup and the options page in Chromium, each popup opened as the toolbar button opens it: the TikTok popup's summary, diagram, timeline and source links;
 * axe-core finds no violations in light and dark themes; the region set in the options page changes the
 * popup's framing; settings survive a browser restart (a persistent profile).
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, tabIdOf, toolbarPopupUrl, type ExtensionBrowser } from './support/chromium.ts';
import { platformPopupPage, POPUP_PAGE } from '../../src/core/popup-pages.ts';
import { axeViolations } from './support/axe.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';
import { expectOneScriptWithInlineStyles } from './support/popup-packaging.ts';

const SCREENSHOTS = process.env.SCREENSHOTS;
const HOSTS = ['*.tiktok.com', 'tiktok.com', 'news.example-news.com'];

let server: TestServer;
beforeAll(async () => {
  server = await startHttpsServer((host) => html(host.endsWith('tiktok.com') ? 'TikTok' : `News at ${host}`));
});
afterAll(async () => server?.close());

async function openPopup(ext: ExtensionBrowser, url = 'https://www.tiktok.com/'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext, url);
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  // The page the toolbar button opens: TikTok's own (its heading in its HTML), the generic one elsewhere.
  const page_ = url.includes('tiktok.com') ? platformPopupPage('tiktok') : POPUP_PAGE;
  await expect.poll(() => toolbarPopupUrl(ext, tabId), { timeout: 10_000 }).toBe(`chrome-extension://${ext.extensionId}/${page_}`);
  await popup.goto(`chrome-extension://${ext.extensionId}/${page_}?tab=${tabId}`);
  await popup.locator('h1').waitFor();
  await popup.locator('h1 ~ *, main > p').first().waitFor();
  return popup;
}

async function setRegion(ext: ExtensionBrowser, region: string): Promise<void> {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
  await options.locator('#region').selectOption(region);
  await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ state: 'attached' });
  await options.close();
}

describe.each(['light', 'dark'] as const)('Chromium popup, %s theme', (theme) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS, colorScheme: theme });
    await setRegion(ext, 'eu');
  });
  afterAll(async () => ext?.close());

  it('shows the summary sentence, the diagram, the timeline and working source links', async () => {
    const popup = await openPopup(ext);
    const headline = await popup.locator('.headline').innerText();
    expect(headline).toMatch(/Countries where TikTok stores user data: .*Ireland.*accessed from remotely: .*China/);
    expect(headline).toMatch(/China[^.]*: no EU adequacy decision/);
    expect(await popup.locator('svg[role="img"]').getAttribute('aria-label')).toContain('China');
    await expectOneScriptWithInlineStyles(popup);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-${theme}.png`), fullPage: true });
    }
    await popup.locator('summary', { hasText: 'Regulatory actions' }).click();
    const dates = await popup.locator('.timeline time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThanOrEqual(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await popup.locator('.counts').first().innerText()).toMatch(/\d+ actions · \d+ fines totalling/);
    const link = popup.locator('.timeline a[href^="https://www.dataprotection.ie/"]').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    // The source opens in a new tab; the test answers it locally (no request leaves the machine).
    await ext.context.route('https://www.dataprotection.ie/**', (route) => route.fulfill({ body: 'DPC' }));
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toMatch(/^https:\/\/www\.dataprotection\.ie\//);
    await opened.close();
    await popup.close();
  });

  it('passes axe-core in the popup and the options page', async () => {
    const popup = await openPopup(ext);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('h1').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    if (SCREENSHOTS && theme === 'light') await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    await options.close();
  });
});

describe('Chromium popup: region and persistence', () => {
  it('changing the region changes the framing, and settings survive a browser restart', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'rl-profile-'));
    let ext = await launchChromium({ port: server.port, hosts: HOSTS, userDataDir: profile });
    await setRegion(ext, 'us');
    let popup = await openPopup(ext);
    expect(await popup.locator('h2', { hasText: 'Laws that protect users in your region' }).count()).toBe(1);
    await popup.locator('summary', { hasText: 'Laws that protect users in your region' }).click();
    expect(await popup.locator('main').innerText()).toMatch(/Protecting Americans/);
    expect(await popup.locator('.diagram text').first().textContent()).toBe('You (US)');
    await ext.close();

    ext = await launchChromium({ port: server.port, hosts: HOSTS, userDataDir: profile });
    popup = await openPopup(ext);
    expect(await popup.locator('.diagram text').first().textContent()).toBe('You (US)');
    await setRegion(ext, 'eu');
    popup = await openPopup(ext);
    expect(await popup.locator('.diagram text').first().textContent()).toBe('You (EU/EEA)');
    expect(await popup.locator('h2', { hasText: 'Laws that protect users in your region' }).count()).toBe(0);
    await ext.close();
  });
});

describe('Chromium popup in German', () => {
  it('shows the popup in German with German dates and amounts', async () => {
    const ext = await launchChromium({ port: server.port, hosts: HOSTS, locale: 'de' });
    await setRegion(ext, 'eu').catch(() => undefined);
    const popup = await openPopup(ext);
    if (SCREENSHOTS) await popup.screenshot({ path: join(SCREENSHOTS, 'popup-de.png'), fullPage: true });
    await popup.locator('summary').nth(2).click();
    const text = await popup.locator('main').innerText();
    expect(text).toContain('China');
    expect(text).toMatch(/Mio\.\s€|Mrd\.\s€/);
    await ext.close();
  });
});
