/** Debian's Chromium with the built extension loaded, through playwright-core (never a downloaded browser). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

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

/**
 * The flags every test launch uses. The last two stop the two services that still call Google with the rest in
 * place (measured on Debian Chromium 156.0.8078.108, no extension loaded): the component updater's on-demand
 * check for the on-device model, which `--disable-component-update` does not cover, goes to a closed loopback
 * port instead of update.googleapis.com, and the sign-in check (ListAccounts) goes to the same port instead of
 * accounts.google.com. Neither changes what a page or the extension can do. The no-network test does not rely
 * on them: it tells the browser's requests from the extension's by their initiator in the net log.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--gaia-url=http://127.0.0.1:9/',
];

/** Debian's Chromium unless CHROMIUM_BIN names another (as `npm start` reads it). */
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export type ChromiumLaunch = {
  port: number;
  hosts: string[];
  userDataDir?: string;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  extraArgs?: string[];
};

/**
 * The one Chromium launch of the browser tests and the benchmarks: `hosts` mapped to the loopback server on
 * `port`, the flags above, and the extension in `extensionDir` loaded (null: the same browser without it, the
 * "without" side of the benchmarks' A/B runs).
 */
export async function launchChromiumContext(opts: ChromiumLaunch & { extensionDir: string | null }): Promise<BrowserContext> {
  const rules = opts.hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`).join(', ');
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'rl-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
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
 * Text inside the closed shadow root of the in-page badge, read through CDP (the page itself cannot); with
 * `part`, only the text of the first element inside it with that class (e.g. "open": the badge's own label).
 */
export async function badgeText(page: Page, part?: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  type Node = { localName?: string; nodeType: number; nodeValue?: string; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  await cdp.detach();
  const find = (node: Node): Node | undefined =>
    node.localName === 'residency-lens-badge' ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const found = find(root);
  const hasClass = (node: Node) => {
    const attrs = node.attributes ?? []; // [name, value, name, value, ...]
    const i = attrs.indexOf('class');
    return i >= 0 && (attrs[i + 1] ?? '').split(' ').includes(part ?? '');
  };
  const within = (node: Node): Node | undefined => (hasClass(node) ? node : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(within).find(Boolean));
  const host = found && part ? within(found) : found;
  if (!host) return undefined;
  const text = (node: Node): string =>
    node.localName === 'style' ? '' : node.nodeType === 3 ? (node.nodeValue ?? '') : [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(text).join('');
  return text(host);
}

/** Waits until the badge is there (or the time is up) and returns its text. */
export async function waitForBadge(page: Page, timeout = 10_000): Promise<string | undefined> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const text = await badgeText(page);
    if (text !== undefined) return text;
    await page.waitForTimeout(100);
  }
  return undefined;
}

export async function tabIdOf(ext: ExtensionBrowser, urlPattern: string): Promise<number> {
  return ext.worker.evaluate(async (pattern) => {
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab!.id!;
  }, urlPattern);
}

export async function toolbarBadge(ext: ExtensionBrowser, tabId: number): Promise<{ text: string; title: string }> {
  return ext.worker.evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}
