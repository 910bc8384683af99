/**
 * Debian's Chromium as the browser tests and `npm start` drive it: the flags of every launch, and the in-page badge's
 * text read through the DevTools protocol (the closed shadow root is invisible to the page).
 */
import type { Page } from 'playwright-core';

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

