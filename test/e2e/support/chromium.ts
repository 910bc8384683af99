/** Debian's Chromium with the built extension loaded, through playwright-core (never a downloaded browser). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { badgeText, CHROMIUM_ARGS, CHROMIUM_BIN, waitForBadge } from '../../../src/cli/browsers/chromium.ts';

// Shared with `npm start`, which drives the same browser the same way.
export { badgeText, CHROMIUM_ARGS, CHROMIUM_BIN, waitForBadge };

export const CHROME_DIST = resolve(import.meta.dirname, '../../../dist/chrome');
/** The same build with access to all sites granted at install (see manifestFor in vite.config.ts). */
export const CHROME_ALL_SITES_DIST = resolve(import.meta.dirname, '../../../dist/chrome-all-sites');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The net log file, when launched with `netLog: true` (complete once close() has resolved). */
  netLogFile?: string;
  close(): Promise<void>;
};

export type ChromiumLaunch = {
  port: number;
  hosts: string[];
  /** Where `hosts` resolve: the loopback server's address, '127.0.0.1' unless the test serves over IPv6 ('[::1]'). */
  address?: string;
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  extraArgs?: string[];
  /** Keep the back/forward cache, which Playwright turns off by default. */
  backForwardCache?: boolean;
};

/**
 * The one Chromium launch of the browser tests and the benchmarks: `hosts` mapped to the loopback server on
 * `port`, the flags above, and the extension in `extensionDir` loaded (null: the same browser without it, the
 * "without" side of the benchmarks' A/B runs).
 */
export async function launchChromiumContext(opts: ChromiumLaunch & { extensionDir: string | null }): Promise<BrowserContext> {
  const rules = opts.hosts.map((h) => `MAP ${h} ${opts.address ?? '127.0.0.1'}:${opts.port}`).join(', ');
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'rl-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', ...(opts.backForwardCache ? ['--disable-back-forward-cache'] : [])],
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    args: [
      ...CHROMIUM_ARGS,
      '--ignore-certificate-errors',
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      ...(opts.extensionDir ? [`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`] : []),
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      ...(opts.extraArgs ?? []),
    ],
  });
}

/**
 * Chromium with the built extension. Every launch also watches the extension's own contexts (service worker,
 * popup, options): a request from one of them to anything but the extension's own files fails the test at
 * close(), so the whole browser suite doubles as a "sends nothing anywhere" check.
 */
export async function launchChromium(opts: ChromiumLaunch & {
  dist?: string;
  /** Write Chromium's net log into the profile, to tell who made each request (see net-log.ts). */
  netLog?: boolean;
}): Promise<ExtensionBrowser> {
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'rl-chromium-'));
  const netLogFile = opts.netLog ? join(profile, 'netlog.json') : undefined;
  const context = await launchChromiumContext({
    ...opts,
    userDataDir: profile,
    extensionDir: opts.dist ?? CHROME_DIST,
    extraArgs: [...(netLogFile ? [`--log-net-log=${netLogFile}`] : []), ...(opts.extraArgs ?? [])],
  });
  const leaks: string[] = [];
  let origin = 'chrome-extension://';
  context.on('request', (request) => {
    let from: string;
    try {
      from = request.serviceWorker()?.url() ?? request.frame().url();
    } catch {
      return; // a request of a frame already gone
    }
    const url = request.url();
    if (from.startsWith(origin) && !url.startsWith(origin) && !url.startsWith('data:') && !request.isNavigationRequest()) leaks.push(`${from} -> ${url}`);
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  origin = `chrome-extension://${extensionId}/`;
  await badgeScriptsRegistered(worker);
  return {
    context,
    extensionId,
    worker,
    ...(netLogFile && { netLogFile }),
    close: async () => {
      await context.close();
      if (leaks.length > 0) throw new Error(`the extension made network requests:\n${leaks.join('\n')}`);
    },
  };
}

/**
 * Waits until the background has registered the in-page badge's scripts (it does so when it is installed or
 * started; a page opened before that gets no badge, as with any content script), or a few seconds have passed
 * (a profile whose settings turn the badge off has none).
 */
export async function badgeScriptsRegistered(worker: Worker, ms = 10_000): Promise<void> {
  await worker.evaluate(async (limit) => {
    const end = Date.now() + limit;
    while (Date.now() < end && (await chrome.scripting.getRegisteredContentScripts()).every((s) => !s.id.startsWith('badge:'))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, ms);
}

/** The platform name the badge shows (its `.name` element), read through CDP; undefined when there is no badge. */
export async function badgeName(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  type Node = { localName?: string; nodeType: number; nodeValue?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  await cdp.detach();
  const all = (node: Node): Node[] => [node, ...[...(node.children ?? []), ...(node.shadowRoots ?? [])].flatMap(all)];
  const host = all(root).find((n) => n.localName === 'residency-lens-badge');
  if (!host) return undefined;
  const classOf = (n: Node) => (n.attributes && n.attributes.indexOf('class') % 2 === 0 ? n.attributes[n.attributes.indexOf('class') + 1] : undefined);
  const name = all(host).find((n) => classOf(n) === 'name');
  const text = (node: Node): string => (node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(text).join(''));
  return name ? text(name) : '';
}

export async function tabIdOf(ext: ExtensionBrowser, urlPattern: string): Promise<number> {
  return ext.worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab!.id!;
  }, urlPattern);
}

/** The page the toolbar button opens for the tab: a platform's own popup page once the background has set it. */
export async function toolbarPopupUrl(ext: ExtensionBrowser, tabId: number): Promise<string> {
  return ext.worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId);
}

export async function toolbarBadge(ext: ExtensionBrowser, tabId: number): Promise<{ text: string; title: string }> {
  return ext.worker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}
