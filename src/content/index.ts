/**
 * Content script, top frame of platform pages only (see the manifest's matches). It reads what to show for this
 * site from the answers the background published, and keeps the badge in the page: after single-page-app navigations (the background says
 * when the URL changed) and when the page removes it (a bounded number of times, so a hostile page cannot start
 * a loop). It never throws into the page: every failure ends quietly.
 */
import { formatLocale, loadBadgeAnswer, message, messagesDirection, onBackgroundNotice, sendToBackground } from '../browser/extension-api.ts';
import { dismissOnSiteRequest, isBackgroundNotice, isPageSummaryReply, pageSummaryRequest } from '../core/messaging/content-guards.ts';
import { createBadge } from './badge.ts';

const MAX_REINSERTS = 10;
let host: HTMLElement | undefined;
let reinserts = 0;
let dismissed = false;

/** On the root element, not in <body>: a transform or filter on the body would move and shrink a fixed badge. */
function place(node: HTMLElement): void {
  document.documentElement.append(node);
}

/** This page's host and its parent domains, most specific first: the keys the background publishes answers under. */
function domainsOfThisPage(): string[] {
  const labels = location.hostname.replace(/\.+$/, '').split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/**
 * The answer the background published for this site (one local read, no round trip to a background that may be
 * asleep); the background itself when there is none yet (first seconds after install). Either way the background
 * is told about the page, for the toolbar badge and the opt-in history.
 */
async function answer(): Promise<unknown> {
  const asked = sendToBackground(pageSummaryRequest());
  const stored = await loadBadgeAnswer(domainsOfThisPage()).catch(() => undefined);
  if (stored !== undefined) {
    asked.catch(() => undefined);
    return stored;
  }
  return asked;
}

async function refresh(): Promise<void> {
  const reply: unknown = await answer();
  host?.remove();
  host = undefined;
  if (!isPageSummaryReply(reply) || !reply.ok || reply.summary === null || !reply.showBadge || dismissed) return;
  const summary = reply.summary;
  const locale = formatLocale();
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = summary.countries.map((code) => regions.of(code) ?? code);
  const badge = createBadge(
    summary,
    {
      dataTo: message('badgeDataTo'),
      noFlows: message('badgeNoFlows'),
      dismiss: message('badgeDismiss'),
      label: countries.length > 0 ? message('badgeLabel', [summary.name, countries.join(', ')]) : message('badgeLabelNoFlows', [summary.name]),
      more: message('badgeMore'),
      countries,
      dir: messagesDirection(),
      lang: locale,
    },
    reply.corner,
    () => {
      dismissed = true;
      badge.remove();
      host = undefined;
      void sendToBackground(dismissOnSiteRequest()).catch(() => undefined);
    },
  );
  host = badge;
  reinserts = 0;
  place(badge);
}

/** Puts the badge back when the page removes it (rewrites the body, replaces <body>), a bounded number of times. */
function keepInPage(): void {
  const observer = new MutationObserver(() => {
    if (host === undefined || host.isConnected || reinserts >= MAX_REINSERTS) return;
    reinserts += 1;
    place(host);
    if (document.body) observer.observe(document.body, { childList: true });
  });
  observer.observe(document.documentElement, { childList: true });
  if (document.body) observer.observe(document.body, { childList: true });
}

function start(): void {
  if (window.top !== window || document.documentElement === null) return;
  keepInPage();
  onBackgroundNotice((msg) => {
    if (isBackgroundNotice(msg)) refresh().catch(() => undefined);
  });
  refresh().catch(() => undefined);
}

try {
  start();
} catch {
  // The extension was reloaded or the page is going away: nothing to show, nothing to report.
}
