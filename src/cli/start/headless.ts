/**
 * `npm start` without a display: the built extension in a headless browser on a TikTok page served locally
 * under its real hostname (Chromium maps the name to loopback; Firefox reaches it through a loopback proxy that
 * refuses every other host), then the badge's text, the popup's headline and screenshots of both. Nothing
 * leaves the machine.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { badgeText, CHROMIUM_ARGS, waitForBadge } from '../browsers/chromium.ts';
import { firefoxBadgeText, FIREFOX_EXTENSION_UUID, openExtensionPage, setFirefoxViewport, waitForFirefoxBadge } from '../browsers/firefox.ts';
import { startHttpsServer } from '../browsers/local-https.ts';
import { startLoopbackProxy } from '../browsers/loopback-proxy.ts';
import { DEMO_HOSTS, demoRoute, isDemoHost } from './demo-site.ts';
import { BADGE_SCRIPT_PREFIX } from '../../core/content-data.ts';
import type { StartPlan } from './plan.ts';

export type DemoResult = { badge: string; headline: string; screenshots: { page: string; popup: string } };

const PAGE_VIEWPORT = { width: 1000, height: 640 };
const POPUP_VIEWPORT = { width: 400, height: 600 };

function screenshotPaths(out: string): DemoResult['screenshots'] {
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  return { page: join(dir, 'page.png'), popup: join(dir, 'popup.png') };
}

async function chromiumDemo(plan: StartPlan, dist: string, port: number, shots: DemoResult['screenshots']): Promise<Omit<DemoResult, 'screenshots'>> {
  const rules = DEMO_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rl-start-')), {
    executablePath: plan.binary,
    headless: true,
    chromiumSandbox: !plan.noSandbox,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== '--no-sandbox'),
      ...(plan.noSandbox ? ['--no-sandbox'] : []),
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    // The background registers the badge's scripts as it starts; a page opened before that gets no badge.
    await worker.evaluate(async (prefix) => {
      const end = Date.now() + 20_000;
      while (Date.now() < end && (await chrome.scripting.getRegisteredContentScripts()).every((s) => !s.id.startsWith(prefix))) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }, BADGE_SCRIPT_PREFIX);
    const page = await context.newPage();
    await page.setViewportSize(PAGE_VIEWPORT);
    await page.goto(plan.url);
    if ((await waitForBadge(page, 20_000)) === undefined) throw new Error(`no badge appeared on ${plan.url}`);
    const badge = (await badgeText(page, 'open')) ?? '';
    await page.screenshot({ path: shots.page });
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, plan.url);
    const popup = await context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
    const headline = await popup.locator('.headline').innerText({ timeout: 20_000 });
    await popup.screenshot({ path: shots.popup, fullPage: true });
    return { badge, headline };
  } finally {
    await context.close();
  }
}

async function firefoxDemo(plan: StartPlan, dist: string, port: number, shots: DemoResult['screenshots']): Promise<Omit<DemoResult, 'screenshots'>> {
  const proxy = await startLoopbackProxy({ allowed: isDemoHost, upstreamPort: port });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: plan.binary,
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'residency-lens@residency-lens.org': FIREFOX_EXTENSION_UUID }),
      // Every connection goes to the loopback proxy, which only lets the demo hosts through, to the local server.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.update.enabled': false,
      'app.update.enabled': false,
    },
  });
  try {
    await browser.installExtension(dist);
    const page = await browser.newPage();
    await setFirefoxViewport(page, PAGE_VIEWPORT);
    await page.goto(plan.url);
    if ((await waitForFirefoxBadge(page, 20_000)) === undefined) throw new Error(`no badge appeared on ${plan.url}`);
    const badge = (await firefoxBadgeText(page, 'open')) ?? '';
    await page.screenshot({ path: shots.page });
    const probe = await openExtensionPage(browser, 'src/options/index.html');
    const tabId = await probe.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).browser;
      return (await api.tabs.query({ url }))[0]?.id;
    }, plan.url);
    await probe.close();
    const popup = await openExtensionPage(browser, `src/popup/index.html?tab=${tabId}`);
    await setFirefoxViewport(popup, POPUP_VIEWPORT);
    const headline = await (await popup.waitForSelector('.headline', { timeout: 20_000 }))!.evaluate((el) => (el as HTMLElement).innerText);
    await popup.screenshot({ path: shots.popup, fullPage: true });
    return { badge, headline };
  } finally {
    await browser.close();
    await proxy.close();
  }
}

export async function runHeadless(plan: StartPlan, dist: string): Promise<DemoResult> {
  const server = await startHttpsServer(demoRoute, plan.port);
  try {
    const screenshots = screenshotPaths(plan.out);
    const result = await (plan.browser === 'firefox' ? firefoxDemo : chromiumDemo)(plan, dist, server.port, screenshots);
    return { ...result, screenshots };
  } finally {
    await server.close();
  }
}
