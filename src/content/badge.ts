/**
 * The in-page badge: one element in a closed shadow root, built with DOM methods only (no innerHTML), so the
 * page can neither style it nor read it, and a strict Content Security Policy or Trusted Types do not block it.
 */
import type { BadgeSummary } from '../core/messaging/protocol.ts';
import { BADGE_CSS } from './badge-styles.ts';

export const HOST_TAG = 'residency-lens-badge';

export type BadgeText = { dataTo: string; dismiss: string; label: string; countries: string[] };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function addStyles(root: ShadowRoot): void {
  // A constructed stylesheet is not subject to the page's style-src; fall back to <style> where the browser
  // refuses a sheet made in the content script's world.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    /* fall through */
  }
  root.append(el('style', '', BADGE_CSS));
}

export function createBadge(summary: BadgeSummary, text: BadgeText, corner: string, onDismiss: () => void): HTMLElement {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-corner', corner);
  const root = host.attachShadow({ mode: 'closed' });
  addStyles(root);

  const badge = el('div', 'badge');
  badge.setAttribute('role', 'status');
  badge.setAttribute('aria-label', text.label);
  badge.setAttribute('part', 'badge');
  const mark = el('span', summary.withoutAdequacy.length > 0 ? 'mark no-adequacy' : 'mark');
  mark.setAttribute('aria-hidden', 'true');
  const label = el('span', 'text');
  label.append(el('span', 'name', summary.name), ` ${text.dataTo} ${text.countries.join(', ')}`);
  const close = el('button', 'close', '\u00d7');
  close.type = 'button';
  close.title = text.dismiss;
  close.setAttribute('aria-label', text.dismiss);
  close.addEventListener('click', (event) => {
    if (!event.isTrusted) return; // the page cannot click it for the user
    onDismiss();
  });
  badge.append(mark, label, close);
  root.append(badge);
  return host;
}
