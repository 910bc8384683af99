/**
 * The built dist/chrome in Debian's Chromium: a platform page gets the in-page and toolbar badges, an unrelated
 * site gets neither, and the popup for the platform tab shows who operates it and the regulator's decision.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launchChromium, tabIdOf, toolbarBadge, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';
import { byInitiator, readNetLog } from './support/net-log.ts';

const SCREENSHOTS = process.env.SCREENSHOTS; // `npm run screenshots` sets it to docs/screenshots

let server: TestServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startHttpsServer((host) => html(host === 'www.tiktok.com' ? 'TikTok - Make Your Day' : `News at ${host}`));
  ext = await launchChromium({ port: server.port, hosts: ['*.tiktok.com', 'tiktok.com', 'news.example-news.com'] });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Chromium: the suite-wide network guard', () => {
  it('fails a test whose extension context makes a request (so its silence elsewhere means something)', async () => {
    const probe = await launchChromium({ port: server.port, hosts: ['*.tiktok.com', 'tiktok.com'], netLog: true });
    const page = await probe.context.newPage();
    await page.goto(`chrome-extension://${probe.extensionId}/src/popup/index.html`);
    // Simulates a leak from an extension page (an image request is not covered by connect-src).
    await page.evaluate(() => new Promise((done) => {
      const img = new Image();
      img.onload = img.onerror = done;
      img.src = 'https://www.tiktok.com/leak.gif';
    }));
    await expect(probe.close()).rejects.toThrow(/the extension made network requests:[\s\S]*leak\.gif/);
    // The net log names the extension as the one who asked, which is what the no-network test relies on.
    const who = byInitiator(readNetLog(probe.netLogFile!), probe.extensionId);
    expect(who.extension.map((r) => r.url)).toContain('https://www.tiktok.com/leak.gif');
  });
});

describe('Chromium: foundation', () => {
  it('shows the badge on https://www.tiktok.com/ with the platform and its destination countries', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    const text = await waitForBadge(page);
    expect(text).toContain('TikTok');
    expect(text).toContain('China');
    expect(text).toContain('Ireland');
    // The page sees only the host element, never what is inside the closed shadow root.
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge')?.shadowRoot ?? null)).toBeNull();
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 900, height: 360 });
      await page.screenshot({ path: join(SCREENSHOTS, 'badge.png') });
    }
    await page.close();
  });

  it('sets the toolbar badge for the TikTok tab, with a tooltip in words', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/foryou');
    await waitForBadge(page);
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/foryou');
    const badge = await toolbarBadge(ext, tabId);
    expect(Number(badge.text)).toBeGreaterThanOrEqual(3);
    expect(badge.title).toMatch(/^TikTok – possible data destinations: .*China/);
    await page.close();
  });

  it('shows no badge, in the page or on the toolbar, on an unrelated site', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://news.example-news.com/');
    await page.waitForTimeout(1500);
    expect(await badgeText(page)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge'))).toBeNull();
    await page.close();
  });

  it('the popup for the TikTok tab shows the operator and the DPC action with its source', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    await waitForBadge(page);
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/');
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.getByRole('heading', { level: 1, name: 'TikTok' }).waitFor();
    if (SCREENSHOTS) await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    // The details fold open, as a person would open them.
    await popup.locator('summary', { hasText: 'Who is responsible' }).click();
    await popup.locator('summary', { hasText: 'Regulatory actions' }).click();
    const text = await popup.locator('main').innerText();
    expect(text).toContain('TikTok Technology Limited');
    expect(text).toContain('ByteDance');
    expect(text).toContain('Data Protection Commission');
    expect(text).toMatch(/€530(\.0)?M|530,000,000/);
    const link = popup.locator('a[href^="https://www.dataprotection.ie/"]').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    await popup.close();
    await page.close();
  });

  it('the popup for an unknown site says so plainly', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://news.example-news.com/');
    // The extension cannot read this tab's URL (no permission for the site): it is the newest tab.
    const tabId = await ext.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id!)));
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('h1').waitFor();
    expect(await popup.locator('main').innerText()).toContain('not a platform');
    await popup.close();
    await page.close();
  });
});
