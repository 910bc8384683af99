/**
 * firefox-esr as the browser tests and `npm start` drive it over WebDriver BiDi (puppeteer-core): the extension's
 * fixed internal UUID, its own pages opened by address, and the in-page badge's text read through BiDi's
 * shadow-tree serialisation (the page cannot read the closed shadow root).
 */
import type { Browser, Page } from 'puppeteer-core';

/** A fixed internal UUID for the extension, so its pages have a known moz-extension:// address in tests. */
export const FIREFOX_EXTENSION_UUID = '6c1f3f5e-2b7a-4d7e-9a53-3f1c2d9e8b10';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

type BidiNode = {
  type: string;
  value?: { nodeType?: number; localName?: string; nodeValue?: string; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null };
};

/** Sends a raw WebDriver BiDi command on puppeteer's own connection. */
async function bidi<T>(page: Page, method: string, params: object): Promise<T> {
  const { connection } = page.browser() as unknown as { connection: { send(m: string, p: object): Promise<{ result: T }> } };
  return (await connection.send(method, params)).result;
}

/**
 * Sizes a page's viewport with WebDriver BiDi's own command. Puppeteer's `setViewport` also sends a screen-orientation
 * override, which some firefox-esr releases do not know (140 answers "unknown command"), failing the whole call.
 */
export async function setFirefoxViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await bidi(page, 'browsingContext.setViewport', { context, viewport: { width: viewport.width, height: viewport.height } });
}

/**
 * Text of the badge's closed shadow root, through BiDi's shadow-tree serialisation (the page cannot read it); with
 * `part`, only the text of the first element inside it with that class.
 */
export async function firefoxBadgeText(page: Page, part?: string): Promise<string | undefined> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await bidi<{ result: BidiNode }>(page, 'script.callFunction', {
    functionDeclaration: '() => document.querySelector("residency-lens-badge")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 20 },
  });
  if (result.type !== 'node') return undefined;
  const text = (node: BidiNode | null | undefined): string => {
    const v = node?.value;
    if (!v || v.localName === 'style') return '';
    if (v.nodeType === 3) return v.nodeValue ?? '';
    return [v.shadowRoot, ...(v.children ?? [])].map(text).join('');
  };
  const within = (node: BidiNode | null | undefined): BidiNode | undefined => {
    const v = node?.value;
    if (!v) return undefined;
    if ((v.attributes?.class ?? '').split(' ').includes(part ?? '')) return node!;
    return [v.shadowRoot, ...(v.children ?? [])].map(within).find(Boolean);
  };
  return text(part ? within(result) : result);
}

export async function waitForFirefoxBadge(page: Page, timeout = 15_000): Promise<string | undefined> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const text = await firefoxBadgeText(page);
    if (text !== undefined) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** Opens one of the extension's own pages (moz-extension://) in a new tab, through raw BiDi navigation. */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { connection } = browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } };
  await connection.send('browsingContext.navigate', { context, url: `${FIREFOX_EXTENSION_ORIGIN}/${path}`, wait: 'complete' });
  return page;
}
