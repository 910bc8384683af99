/**
 * Content script, on platform pages only (see the manifest's matches). It asks the background what to say about
 * this tab and shows the badge. It never throws into the page: every failure ends quietly.
 */
import { message, sendToBackground, uiLanguage } from '../browser/extension-api.ts';
import { dismissOnSiteRequest, pageSummaryRequest, parsePageSummaryReply } from '../core/messaging/protocol.ts';
import { createBadge, HOST_TAG } from './badge.ts';

async function main(): Promise<void> {
  if (window.top !== window || document.documentElement === null) return;
  const reply = parsePageSummaryReply(await sendToBackground(pageSummaryRequest()));
  if (reply === undefined || !reply.ok || reply.summary === null || !reply.showBadge) return;
  const summary = reply.summary;
  const regions = new Intl.DisplayNames([uiLanguage()], { type: 'region' });
  const countries = summary.countries.map((code) => regions.of(code) ?? code);
  const host = createBadge(
    summary,
    {
      dataTo: message('badgeDataTo'),
      dismiss: message('badgeDismiss'),
      label: message('badgeLabel', [summary.name, countries.join(', ')]),
      countries,
    },
    reply.corner,
    () => {
      host.remove();
      void sendToBackground(dismissOnSiteRequest()).catch(() => undefined);
    },
  );
  if (document.querySelector(HOST_TAG) === null) (document.body ?? document.documentElement).append(host);
}

main().catch(() => {
  // The extension was reloaded or the page is going away: nothing to show, nothing to report.
});
