/**
 * The background's answer to a content script. Pure apart from the slices it may load: it takes the message, the
 * sender as the browser reported it, the extension's own id and the settings, so tests can forge any of them. A
 * content script may only ask about its own page (the URL comes from the browser's sender record, never from the
 * message), and the only change it can ask for is hiding the badge on its own platform host (a trusted click).
 */
import type { Runtime } from 'webextension-polyfill';
import {
  parseContentRequest,
  type CardHeadlineReply,
  type ContentRequest,
  type LinkHostsReply,
  type PageSummaryReply,
} from '../core/messaging/protocol.ts';
import { badgeAllowedOn, effectiveRegion, type Settings } from '../core/settings/settings.ts';
import { framedSummaryOf, headlineOf, linkMatches, pageOf, type Answerer } from './answerer.ts';

type Sender = Runtime.MessageSender & { documentLifecycle?: string };

/**
 * Only a top-level content script of this extension, in a real tab, gets an answer. A page being prerendered is
 * top-level too, though Chrome gives it a frame id of its own until it is shown; it may read, never change.
 */
export function checkSender(sender: Sender, extensionId: string): { tabId: number; url: string; shown: boolean } | undefined {
  if (sender.id !== extensionId) return undefined;
  const tabId = sender.tab?.id;
  const url = sender.url;
  const prerendering = sender.documentLifecycle === 'prerender';
  if (typeof tabId !== 'number' || tabId < 0 || typeof url !== 'string' || (sender.frameId !== 0 && !prerendering)) return undefined;
  return { tabId, url, shown: !prerendering && (sender.documentLifecycle === undefined || sender.documentLifecycle === 'active') };
}

export type Handled = {
  reply: PageSummaryReply | LinkHostsReply | CardHeadlineReply;
  request?: ContentRequest;
  /** set when the content script asked to hide the badge: the platform host (key of the host table) to hide it on */
  dismiss?: string;
};

export async function handleContentMessage(message: unknown, sender: Runtime.MessageSender, extensionId: string, answerer: Answerer, settings: Settings): Promise<Handled> {
  const tab = checkSender(sender, extensionId);
  if (!tab) return { reply: { ok: false, error: 'bad-sender' } };
  const parsed = parseContentRequest(message);
  if (!parsed.ok) return { reply: { ok: false, error: parsed.error } };
  const request = parsed.value;
  const { region } = effectiveRegion(settings, answerer.locale);
  if (request.type === 'link-hosts') {
    // Link markers run on any site once the user opts in; they learn only public dataset facts about the hosts
    // they name, nothing about the user, and nothing at all unless the user turned the feature on.
    if (!settings.enabled || !settings.linkMarkers) return { reply: { ok: true, matches: [] }, request };
    return { reply: { ok: true, matches: await linkMatches(answerer, request.hosts, region) }, request };
  }
  const page = settings.enabled ? pageOf(answerer, tab.url) : undefined;
  if (request.type === 'card-headline') {
    if (!page) return { reply: { ok: false, error: 'bad-request' }, request };
    return { reply: { ok: true, headline: await headlineOf(answerer, page.platform.id, region) }, request };
  }
  if (request.type === 'dismiss-on-site') {
    // Only a page on screen, of a platform, can ask, and only about the platform host it is under.
    return page && tab.shown ? { reply: { ok: true, summary: await framedSummaryOf(answerer, page.platform, region), showBadge: false, corner: settings.badgeCorner }, request, dismiss: page.key } : { reply: { ok: false, error: 'bad-request' } };
  }
  return {
    reply: {
      ok: true,
      summary: page ? await framedSummaryOf(answerer, page.platform, region) : null,
      showBadge: page !== undefined && badgeAllowedOn(settings, page.key),
      corner: settings.badgeCorner,
    },
    request,
  };
}
