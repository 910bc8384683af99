/**
 * Debian's firefox-esr driven over WebDriver BiDi with puppeteer-core, the unpacked dist/firefox installed as a
 * temporary add-on. Platform hostnames resolve to loopback through the `network.dns.localDomains` pref, so the
 * test server listens on 443.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ORIGIN, FIREFOX_EXTENSION_UUID, firefoxBadgeText, openExtensionPage, setFirefoxViewport, waitForFirefoxBadge } from '../../../src/cli/browsers/firefox.ts';

// Shared with `npm start`, which drives the same browser the same way.
export { FIREFOX_EXTENSION_ORIGIN, FIREFOX_EXTENSION_UUID, firefoxBadgeText, openExtensionPage, setFirefoxViewport, waitForFirefoxBadge };

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist/firefox');

/**
 * `prefs` are added to the test profile's (e.g. intl.locale.requested for another browser language); `dist` is the
 * build to install.
 */
export async function launchFirefox(hosts: string[], prefs: Record<string, unknown> = {}, dist = FIREFOX_DIST): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'residency-lens@residency-lens.org': FIREFOX_EXTENSION_UUID }),
      // Optional permissions are granted without the prompt a test cannot click (the request still needs a click).
      'extensions.webextOptionalPermissionPrompts': false,
      // The test pages load a TikTok and a Meta pixel on purpose: Firefox's own tracker blocking would hide them.
      'browser.contentblocking.category': 'custom',
      'privacy.trackingprotection.enabled': false,
      'privacy.trackingprotection.pbmode.enabled': false,
      'privacy.trackingprotection.socialtracking.enabled': false,
      'privacy.socialtracking.block_cookies.enabled': false,
      'network.dns.localDomains': hosts.join(','),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(dist);
  return browser;
}

/** Sends a raw WebDriver BiDi command on puppeteer's own connection. */
async function bidi<T>(page: Page, method: string, params: object): Promise<T> {
  const { connection } = page.browser() as unknown as { connection: { send(m: string, p: object): Promise<{ result: T }> } };
  return (await connection.send(method, params)).result;
}

/** Navigates a tab to one of the extension's own pages (puppeteer's goto refuses moz-extension://). */
export async function gotoExtensionPage(page: Page, path: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { connection } = page.browser() as unknown as { connection: { send(m: string, p: object): Promise<unknown> } };
  await connection.send('browsingContext.navigate', { context, url: `${FIREFOX_EXTENSION_ORIGIN}/${path}`, wait: 'complete' });
}

/** The platform name the badge shows (its `.name` element), through BiDi's shadow-tree serialisation. */
export async function firefoxBadgeName(page: Page): Promise<string | undefined> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  type Node = { type: string; value?: { nodeType?: number; localName?: string; nodeValue?: string; attributes?: Record<string, string>; children?: Node[]; shadowRoot?: Node | null } };
  const { result } = await bidi<{ result: Node }>(page, 'script.callFunction', {
    functionDeclaration: '() => document.querySelector("residency-lens-badge")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 20 },
  });
  if (result.type !== 'node') return undefined;
  const all = (node: Node | null | undefined): Node[] => (node?.value ? [node, ...[node.value.shadowRoot, ...(node.value.children ?? [])].flatMap(all)] : []);
  const text = (node: Node): string => (node.value?.nodeType === 3 ? (node.value.nodeValue ?? '') : (node.value?.children ?? []).map(text).join(''));
  const name = all(result).find((n) => n.value?.attributes?.class === 'name');
  return name ? text(name) : '';
}

/**
 * Runs `fn` in an extension page of the add-on (where `browser.*` is available) and returns its result: a probe
 * page opened once per browser and kept.
 */
const probes = new WeakMap<Browser, Promise<Page>>();
export async function inExtension<A, R>(browser: Browser, fn: (arg: A) => Promise<R> | R, arg: A): Promise<R> {
  let probe = probes.get(browser);
  if (!probe) {
    probe = openExtensionPage(browser, 'src/options/index.html');
    probes.set(browser, probe);
  }
  return (await probe).evaluate(fn as never, arg as never) as Promise<R>;
}

type Api = { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> }; action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string>; getPopup(d: object): Promise<string> } };

export async function firefoxTabId(browser: Browser, url: string): Promise<number> {
  return inExtension(browser, async (u) => (await (globalThis as unknown as { browser: Api }).browser.tabs.query({ url: u }))[0]!.id, url);
}

export async function firefoxToolbar(browser: Browser, tabId: number): Promise<{ text: string; title: string }> {
  return inExtension(browser, async (id) => {
    const b = (globalThis as unknown as { browser: Api }).browser;
    return { text: await b.action.getBadgeText({ tabId: id }), title: await b.action.getTitle({ tabId: id }) };
  }, tabId);
}

/** The page the toolbar button opens for the tab: a platform's own popup page once the background has set it. */
export async function firefoxToolbarPopup(browser: Browser, tabId: number): Promise<string> {
  return inExtension(browser, async (id) => (globalThis as unknown as { browser: Api }).browser.action.getPopup({ tabId: id }), tabId);
}
