/**
 * One matcher, one answer, in every surface (issue #9, point 2), in Firefox: for every host of the compiled dataset,
 * the in-page badge, the toolbar and the popup name the same platform as the shared look-up, or all three none.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetHostCases, toolbarPlatform } from './support/dataset-hosts.ts';
import { firefoxBadgeName, firefoxTabId, firefoxToolbar, gotoExtensionPage, launchFirefox } from './support/firefox.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

const cases = datasetHostCases();
const names = [...new Set(cases.flatMap((c) => c.platform ?? []))];
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startHttpsServer((host) => html(`Page at ${host}`), 443);
  browser = await launchFirefox([...new Set([...cases.map((c) => c.host), 'www.tiktok.com'])]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox: badge = toolbar = popup', () => {
  it(`for all ${cases.length} hosts of the compiled dataset`, async () => {
    type Seen = { host: string; expected: string | null; badge: string | null; toolbar: string | null; popup: string | null };
    const seen: Seen[] = [];
    // A few tabs side by side, each with its own popup, share out the hosts.
    const lane = async (hosts: typeof cases, n: number) => {
      const page = await browser.newPage();
      await page.goto(`https://www.tiktok.com/lane-${n}`);
      const tabId = await firefoxTabId(browser, `https://www.tiktok.com/lane-${n}`);
      const popup = await browser.newPage();
      for (const c of hosts) {
        await page.goto(c.url);
        const expected = c.visible ? c.platform : null;
        const badge = (await firefoxBadgeName(page)) ?? null;
        let toolbar: string | null = 'not read';
        for (let i = 0; i < 40; i += 1) {
          const t = await firefoxToolbar(browser, tabId);
          toolbar = toolbarPlatform(t.title, t.text, names);
          if (toolbar === expected) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await gotoExtensionPage(popup, `src/popup/index.html?tab=${tabId}`);
        await popup.waitForSelector('h1');
        const view = await popup.evaluate(() => ({ heading: document.querySelector('h1')!.textContent, platform: document.querySelector('.headline') !== null }));
        seen.push({ host: c.host, expected, badge, toolbar, popup: view.platform ? view.heading : null });
      }
      await popup.close();
      await page.close();
    };
    const LANES = 3;
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(cases.filter((_, i) => i % LANES === l), l)));
    expect(seen).toHaveLength(cases.length);
    expect(seen.filter((s) => s.badge !== s.expected || s.toolbar !== s.expected || s.popup !== s.expected)).toEqual([]);
    console.log(`one answer (Firefox): ${seen.length} hosts, ${seen.filter((s) => s.expected).length} with a platform on every surface`);
  }, 900_000);
});
