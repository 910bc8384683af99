/**
 * Content script of the in-page badge, in the top frame of platform pages only. The background registers it with
 * a few groups of platform hosts, each after small files that hand it the user's region and corner, its words and
 * country names in the messages' language, the hosts of the group where the user hid the badge, and the part of
 * the compiled host table the group's pages can reach (see src/core/content-data.ts); they run before it. So it
 * decides which platform this page belongs to over the same table as the popup and the toolbar, with the same
 * answer as their matcher (`walkHostTable`), and draws the badge at once, with nothing to wait for. Only when that
 * data is missing or malformed does it ask the background. The card's headline is asked for when the user opens
 * the card.
 *
 * It runs as the document starts (document_start): the badge is built at once and put under the root element,
 * which exists by then, so it is in the page before the page's first paint. It runs once per document: a
 * single-page app changing its URL stays on the same host, so on the same platform, and keeps its badge. It keeps
 * the badge in the page when the page removes it (a bounded number of times, so a hostile page cannot start a
 * loop), and never throws into the page: every failure ends quietly.
 */
import type { BadgeApi } from '../browser/page-api-on-demand.ts';
import { badgeOf, fillMessage, readContentData, type BadgeTexts, type ContentData } from '../core/content-data.ts';
import { isLocalName, normalizeHost } from '../core/match/normalize-host.ts';
import { walkHostTable } from '../core/match/platform-index.ts';
import { cardHeadlineRequest, dismissOnSiteRequest, isCardHeadlineReply, isPageSummaryReply, pageSummaryRequest } from '../core/messaging/content-guards.ts';
import { createBadge } from './badge.ts';
import { sharedState } from './shared-state.ts';

const MAX_REINSERTS = 10;
let host: HTMLElement | undefined;
let reinserts = 0;

/**
 * The extension API, from the file the registration runs right after this one (src/content/badge-api.ts): a caller
 * that comes before it has run (the fallback, when the registered data is missing) waits one task for it.
 */
async function extensionApi(): Promise<BadgeApi> {
  if (!sharedState().api) await new Promise((resolve) => setTimeout(resolve, 0));
  const { api } = sharedState();
  if (!api) throw new Error("the badge's API file did not run");
  return api;
}

const sendToBackground = async (message: unknown) => (await extensionApi()).sendToBackground(message);

type Shown = { name: string; countries: string[]; flagged: boolean; corner: string };
type Texts = {
  message(key: keyof BadgeTexts['messages'], substitutions?: string[]): string;
  country(code: string): string;
  lang: string;
  dir: 'ltr' | 'rtl';
};

/** The badge's words from the registered texts file, made at build time in the messages' locale. */
function registeredTexts(registered: BadgeTexts): Texts {
  return {
    message: (key, subs) => fillMessage(registered.messages[key], subs),
    country: (code) => registered.countries[code] ?? code,
    lang: registered.lang,
    dir: registered.dir,
  };
}

/**
 * Without the registered texts: the browser's i18n and Intl in the messages' locale, which cost a page that is
 * loading tens of milliseconds (and the API's loading), so only when the texts file is missing or malformed.
 */
async function fallbackTexts(): Promise<Texts> {
  const { message, lang, dir } = await (await extensionApi()).browserTexts();
  let regions: Intl.DisplayNames | undefined;
  return {
    message: (key, subs) => message(key, subs),
    country: (code) => (regions ??= new Intl.DisplayNames([lang], { type: 'region' })).of(code) ?? code,
    lang,
    dir,
  };
}

/**
 * Under the root element, not in <body>: a transform or filter on the body would move and shrink a fixed badge;
 * and the root element is there when the script runs, before the parser has made <head> or <body>. Placed while
 * the page is still loading, the badge comes before them; once the page's DOM is complete it moves after them, so
 * that it comes last in the keyboard's Tab order (after the page's own skip links), as it does when placed later.
 */
function place(node: HTMLElement): void {
  document.documentElement.append(node);
  if (document.readyState !== 'loading') return;
  const toEnd = () => {
    if (node === host && node.parentNode === document.documentElement && node.nextSibling !== null) document.documentElement.append(node);
  };
  document.addEventListener('DOMContentLoaded', toEnd, { once: true });
}

/**
 * From the registered data: the badge to show, or null when this page belongs to no platform (a site under a public
 * suffix below the platform's host) or the user hid the badge on the platform host it matched, undefined when the
 * platform's entry is malformed.
 */
function fromRegisteredData(data: ContentData): Shown | null | undefined {
  // One look-up per page: a walk over the group's table, with no matcher to build (walkHostTable).
  const host = normalizeHost(location.hostname);
  if (!host.ok || isLocalName(host.host)) return null;
  const found = walkHostTable(data.table.hosts, host.host);
  if (found === undefined || data.hidden.has(found.key)) return null;
  const badge = badgeOf(data, found.index);
  return badge && { name: badge.platform.name, countries: badge.platform.countries, flagged: badge.flagged.length > 0, corner: data.corner };
}

/** The background's answer, when the registered data could not be used. */
async function fromBackground(): Promise<Shown | null> {
  const reply: unknown = await sendToBackground(pageSummaryRequest());
  if (!isPageSummaryReply(reply) || !reply.ok || reply.summary === null || !reply.showBadge) return null;
  return { name: reply.summary.name, countries: reply.summary.countries, flagged: reply.summary.withoutAdequacy.length > 0, corner: reply.corner };
}

async function headline(): Promise<string | undefined> {
  const reply: unknown = await sendToBackground(cardHeadlineRequest());
  return isCardHeadlineReply(reply) && reply.ok ? reply.headline : undefined;
}

function draw(shown: Shown, words: Texts): void {
  const countries = shown.countries.map(words.country);
  const badge = createBadge(
    { name: shown.name, flagged: shown.flagged, headline },
    {
      dataTo: words.message('badgeDataTo'),
      noFlows: words.message('badgeNoFlows'),
      dismiss: words.message('badgeDismiss'),
      label: countries.length > 0 ? words.message('badgeLabel', [shown.name, countries.join(', ')]) : words.message('badgeLabelNoFlows', [shown.name]),
      more: words.message('badgeMore'),
      countries,
      dir: words.dir,
      lang: words.lang,
    },
    shown.corner,
    () => {
      badge.remove();
      host = undefined;
      void sendToBackground(dismissOnSiteRequest()).catch(() => undefined);
    },
  );
  host = badge;
  place(badge);
}

/** Puts the badge back if the page has removed it (rewritten the root's children), a bounded number of times. */
function restore(): void {
  if (host === undefined || host.isConnected || reinserts >= MAX_REINSERTS) return;
  reinserts += 1;
  place(host);
}

/** Restores the badge whenever the page removes it, and at once if it already has. */
function keepInPage(): void {
  new MutationObserver(restore).observe(document.documentElement, { childList: true });
  restore();
}

/**
 * Draws from the registered data and texts at once; asks the background (and the browser's i18n) only for what is
 * missing or malformed. False when this page gets no badge.
 */
function decide(): boolean {
  const data = readContentData(globalThis);
  const shown = data ? fromRegisteredData(data) : undefined;
  if (shown === null) return false;
  if (shown && data?.text) {
    draw(shown, registeredTexts(data.text));
    return true;
  }
  void (async () => {
    const answer = shown ?? (await fromBackground());
    if (answer) draw(answer, data?.text ? registeredTexts(data.text) : await fallbackTexts());
  })().catch(() => undefined);
  return true;
}

function start(): void {
  if (window.top !== window || document.documentElement === null) return;
  // Should the script ever be injected twice in one document, it runs twice in the same world: draw once.
  const state = sharedState();
  if (state.started) return;
  state.started = true;
  // Watching for the page removing the badge waits for the next task, so that the badge goes in first (issue #12);
  // a removal by the page in between is caught when the watch starts.
  if (decide()) setTimeout(() => void tryQuietly(keepInPage), 0);
}

/** Runs a step and ends quietly on failure: the extension was reloaded or the page is going away. */
function tryQuietly(step: () => void): void {
  try {
    step();
  } catch {
    // Nothing to show, nothing to report: never an error in the page's console.
  }
}

tryQuietly(start);
