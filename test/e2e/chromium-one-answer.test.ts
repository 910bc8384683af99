/**
 * One matcher, one answer, in every surface (issue #9, point 2), in Chromium: for every host of the compiled
 * dataset (generated from the data, not a hand-picked list), the in-page badge, the toolbar and the popup name the
 * same platform as the shared look-up, or all three name none (a host the extension may not see, or a site under a
 * public suffix below a platform). All hosts are mapped to the loopback server and visited in one browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeName, launchChromium, tabIdOf, toolbarBadge, type ExtensionBrowser } from './support/chromium.ts';
import { datasetHostCases, toolbarPlatform } from './support/dataset-hosts.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

const cases = datasetHostCases();
const names = [...new Set(cases.flatMap((c) => c.platform ?? []))];
let server: TestServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await startHttpsServer((host) => html(`Page at ${host}`));
  ext = await launchChromium({ port: server.port, hosts: [...new Set([...cases.map((c) => c.host), 'www.tiktok.com'])] });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('Chromium: badge = toolbar = popup', () => {
  it(`for all ${cases.length} hosts of the compiled dataset`, async () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.platform && c.visible).length).toBeGreaterThan(80);
    type Seen = { host: string; expected: string | null; badge: string | null; toolbar: string | null; popup: string | null };
    const seen: Seen[] = [];
    // A few tabs side by side, each with its own popup, share out the hosts.
    const lane = async (hosts: typeof cases, n: number) => {
      const page = await ext.context.newPage();
      // A URL the extension may read, unique to the lane, tells its tab id.
      await page.goto(`https://www.tiktok.com/lane-${n}`);
      const tabId = await tabIdOf(ext, `https://www.tiktok.com/lane-${n}`);
      const popup = await ext.context.newPage();
      for (const c of hosts) {
        await page.goto(c.url);
        const expected = c.visible ? c.platform : null;
        // The badge is drawn at document_end, before the load event this navigation waited for.
        const badge = (await badgeName(page)) ?? null;
        let toolbar: string | null = 'not read';
        for (let i = 0; i < 40; i += 1) {
          const t = await toolbarBadge(ext, tabId);
          toolbar = toolbarPlatform(t.title, t.text, names);
          if (toolbar === expected) break;
          await page.waitForTimeout(50);
        }
        await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
        await popup.locator('h1').waitFor();
        const heading = await popup.locator('h1').innerText();
        const platformView = (await popup.locator('.headline').count()) > 0;
        seen.push({ host: c.host, expected, badge, toolbar, popup: platformView ? heading : null });
      }
      await popup.close();
      await page.close();
    };
    const LANES = 4;
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(cases.filter((_, i) => i % LANES === l), l)));
    expect(seen).toHaveLength(cases.length);
    const disagreeing = seen.filter((s) => s.badge !== s.expected || s.toolbar !== s.expected || s.popup !== s.expected);
    expect(disagreeing).toEqual([]);
    console.log(`one answer: ${seen.length} hosts, ${seen.filter((s) => s.expected).length} with a platform on every surface, ${seen.filter((s) => !s.expected).length} with none on any`);
  }, 600_000);
});
