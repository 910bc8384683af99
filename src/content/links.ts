/**
 * Link markers (opt-in: registered by the background on every site only when the user turns them on and grants
 * access to all sites). A link that leads to a known platform gets a small marker after it with the platform's
 * destination countries; hovering or focusing the marker shows the headline. Links are never changed. Links are
 * sorted by host in small batches, the background says which hosts are platforms, and only links to a platform
 * are watched and marked as they come into view, so pages with tens of thousands of links and infinite scroll
 * stay fast.
 */
import { sendToBackground } from '../browser/page-api.ts';
import { isLinkHostsReply, linkHostsRequest, MAX_LINK_HOSTS } from '../core/messaging/content-guards.ts';
import type { LinkMatch } from '../core/messaging/protocol.ts';

export const MARKER_TAG = 'residency-lens-link';
const COLLECT_CHUNK = 250;
const MARKER_CSS = `
:host { all: initial !important; display: inline-block !important; position: relative !important; margin-left: 3px !important; vertical-align: baseline !important; }
.m { font: 600 10px/1.3 system-ui, sans-serif; color: #1b1c1f; background: #eef0f4; border: 1px solid #c4c7cf; border-radius: 4px; padding: 0 4px; cursor: help; white-space: nowrap; }
.m:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2147483646; width: 300px; padding: 8px 10px; border-radius: 8px;
  font: 400 12px/1.4 system-ui, sans-serif; color: #1b1c1f; background: #fff; border: 1px solid #c4c7cf; box-shadow: 0 4px 12px rgba(0,0,0,.2); white-space: normal; }
:host(:hover) .tip, .m:focus + .tip { display: block; }
@media (prefers-color-scheme: dark) { .m { color: #e6e7ea; background: #2c2e33; border-color: #44474e; } .tip { color: #e6e7ea; background: #1f2125; border-color: #44474e; } }
`;

const known = new Map<string, LinkMatch | null>();
/** Links whose host the background has not answered about yet, by host. */
const waiting = new Map<string, HTMLAnchorElement[]>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function marker(match: LinkMatch): HTMLElement {
  const host = document.createElement(MARKER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(MARKER_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = MARKER_CSS;
    root.append(style);
  }
  const label = document.createElement('span');
  label.className = 'm';
  label.tabIndex = 0;
  label.textContent = match.countries.join(' · ');
  label.setAttribute('aria-label', `${match.name}: ${match.headline}`);
  const tip = document.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.textContent = match.headline;
  root.append(label, tip);
  return host;
}

function annotate(anchor: HTMLAnchorElement, match: LinkMatch): void {
  const next = anchor.nextSibling;
  if (next instanceof HTMLElement && next.localName === MARKER_TAG) return;
  anchor.after(marker(match));
}

/**
 * Asks the background which of the waiting hosts belong to a platform. Links to a platform are then watched until
 * they come into view; all others are dropped at once, so a page of 20,000 ordinary links costs one host read per
 * link and a few messages, and the browser tracks only the few links that matter.
 */
async function flush(): Promise<void> {
  flushTimer = undefined;
  const hosts = [...waiting.keys()].filter((h) => !known.has(h)).slice(0, MAX_LINK_HOSTS);
  if (hosts.length > 0) {
    const reply: unknown = await sendToBackground(linkHostsRequest(hosts));
    for (const host of hosts) known.set(host, null);
    if (isLinkHostsReply(reply) && reply.ok) for (const match of reply.matches) known.set(match.host, match);
  }
  for (const [host, anchors] of waiting) {
    if (!known.has(host)) continue;
    waiting.delete(host);
    if (known.get(host)) for (const anchor of anchors) visible.observe(anchor);
  }
  if (waiting.size > 0) schedule();
}

function schedule(): void {
  flushTimer ??= setTimeout(() => void flush().catch(() => undefined), 50);
}

const visible = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const anchor = entry.target as HTMLAnchorElement;
      visible.unobserve(anchor);
      const match = known.get(anchor.hostname);
      if (match) annotate(anchor, match);
    }
  },
  { rootMargin: '200px' },
);

/** Sorts links by host a chunk at a time, yielding between chunks, so a page of 20,000 links causes no long task. */
function collect(anchors: ArrayLike<HTMLAnchorElement>): void {
  let i = 0;
  const step = () => {
    const end = Math.min(i + COLLECT_CHUNK, anchors.length);
    for (; i < end; i += 1) {
      const anchor = anchors[i]!;
      const host = anchor.hostname;
      if (host === '' || host === location.hostname || !/^https?:$/.test(anchor.protocol)) continue;
      const match = known.get(host);
      if (match) visible.observe(anchor);
      else if (match === undefined) {
        const list = waiting.get(host);
        if (list) list.push(anchor);
        else waiting.set(host, [anchor]);
      }
    }
    if (waiting.size > 0) schedule();
    if (i < anchors.length) setTimeout(step, 16);
  };
  step();
}

function start(): void {
  if (window.top !== window || document.body === null) return;
  collect(document.querySelectorAll<HTMLAnchorElement>('a[href]'));
  // Links added later (infinite scroll): collected and observed in batches.
  let added: HTMLAnchorElement[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof HTMLElement) || node.localName === MARKER_TAG) continue;
        if (node instanceof HTMLAnchorElement && node.href) added.push(node);
        else if (node.firstElementChild) added.push(...node.querySelectorAll<HTMLAnchorElement>('a[href]'));
      }
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      const batch = added;
      added = [];
      collect(batch);
    }, 200);
  }).observe(document.body, { childList: true, subtree: true });
}

try {
  start();
} catch {
  // Never into the page's console.
}
