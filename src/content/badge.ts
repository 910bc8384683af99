/**
 * The in-page badge: one element in a closed shadow root, built with DOM methods only (no innerHTML), so the
 * page can neither style it nor read it, and a strict Content Security Policy or Trusted Types do not block it.
 * A click or Enter/Space on the badge opens a compact card with the popup's headline (asked for when the card
 * first opens, so drawing the badge waits for nothing); Escape closes it.
 * It is written in the direction and language of its own messages, whatever the page's (an RTL page must not
 * cut off the platform's name or move the card's punctuation), and on a small window it shrinks to a pill.
 */
import { BADGE_CSS } from './badge-styles.ts';

export const HOST_TAG = 'residency-lens-badge';

export type BadgeText = {
  dataTo: string;
  noFlows: string;
  dismiss: string;
  label: string;
  more: string;
  countries: string[];
  /** the messages' own direction and language, set on the badge so the page's cannot apply */
  dir: 'ltr' | 'rtl';
  lang: string;
};

/** What the badge shows: the platform, whether a destination is flagged in the user's regime, the card's headline. */
export type BadgeView = { name: string; flagged: boolean; headline: () => Promise<string | undefined> };

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

export function createBadge(summary: BadgeView, text: BadgeText, corner: string, onDismiss: () => void): HTMLElement {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-corner', corner);
  const root = host.attachShadow({ mode: 'closed' });
  addStyles(root);

  const wrap = el('div', 'wrap');
  wrap.dir = text.dir;
  wrap.lang = text.lang;
  const badge = el('div', 'badge');
  const open = el('button', 'open');
  open.type = 'button';
  open.setAttribute('aria-expanded', 'false');
  open.setAttribute('aria-label', text.label);
  const mark = el('span', summary.flagged ? 'mark no-adequacy' : 'mark');
  mark.setAttribute('aria-hidden', 'true');
  const label = el('span', 'text');
  // The detail (countries) is left out of the compact pill on small windows; the accessible label keeps it.
  label.append(el('span', 'name', summary.name), el('span', 'detail', text.countries.length > 0 ? ` ${text.dataTo} ${text.countries.join(', ')}` : ` ${text.noFlows}`));
  open.append(mark, label);

  const close = el('button', 'close', '\u00d7');
  close.type = 'button';
  close.title = text.dismiss;
  close.setAttribute('aria-label', text.dismiss);
  badge.append(open, close);

  // The card is built when the user first opens it: the badge's first draw, on every platform page as it loads,
  // makes only what is shown (issue #12). aria-controls is set with it, so it never names a missing element.
  let card: HTMLElement | undefined;
  const makeCard = (): HTMLElement => {
    const made = el('div', 'card');
    made.id = 'card';
    made.setAttribute('role', 'region');
    made.setAttribute('aria-label', summary.name);
    const headline = el('p', 'headline');
    made.append(headline, el('p', 'more', text.more));
    summary.headline().then((words) => void (headline.textContent = words ?? ''), () => undefined);
    wrap.prepend(made);
    open.setAttribute('aria-controls', 'card');
    return made;
  };
  const isOpen = () => card !== undefined && !card.hidden;
  const toggle = (show: boolean) => {
    if (show) card ??= makeCard();
    if (card) card.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
  };
  // Where keyboard focus was before it entered the badge: it goes back there when the badge is dismissed, rather
  // than being lost with the removed button.
  let focusBefore: Element | null = null;
  wrap.addEventListener('focusin', (event) => {
    const from = event.relatedTarget;
    // Moves inside the badge (the card's button to ×) come from the shadow tree, which host.contains() cannot see.
    if (from instanceof Element && from !== host && !root.contains(from)) focusBefore = from;
  });
  // Only the user's own clicks and keys count: the page cannot act for them (synthetic events are not trusted).
  open.addEventListener('click', (event) => event.isTrusted && toggle(!isOpen()));
  close.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const back = focusBefore;
    onDismiss();
    if (back instanceof HTMLElement || back instanceof SVGElement) {
      if (back.isConnected) back.focus({ preventScroll: true });
    }
  });
  wrap.addEventListener('keydown', (event) => {
    if (event.isTrusted && event.key === 'Escape' && isOpen()) {
      toggle(false);
      open.focus();
    }
  });
  wrap.append(badge);
  root.append(wrap);
  return host;
}
