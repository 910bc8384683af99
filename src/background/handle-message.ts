/**
 * The background's answer to a content script. Pure: it takes the message, the sender as the browser reported
 * it, the extension's own id and the settings, so tests can forge any of them. A content script may only ask
 * about its own tab, and the only change it can make is hiding the badge on its own site (a trusted click).
 */
import type { Runtime } from 'webextension-polyfill';
import { parseContentRequest, type ContentRequest, type LinkHostsReply, type PageSummaryReply } from '../core/messaging/protocol.ts';
import { badgeAllowedOn, type Settings } from '../core/settings/settings.ts';
import { registrableDomain } from '../core/match/registrable-domain.ts';
import { linkMatches, summaryForUrl, type Answerer } from './answerer.ts';

/** Only a top-frame content script of this extension, in a real tab, gets an answer. */
export function checkSender(sender: Runtime.MessageSender, extensionId: string): { tabId: number; url: string } | undefined {
  if (sender.id !== extensionId) return undefined;
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0 || typeof url !== 'string') return undefined;
  return { tabId, url };
}

export type Handled = {
  reply: PageSummaryReply | LinkHostsReply;
  tab?: { tabId: number; url: string };
  request?: ContentRequest;
  /** set when the content script asked to hide the badge on its site */
  dismissSite?: string;
};

export function handleContentMessage(message: unknown, sender: Runtime.MessageSender, extensionId: string, answerer: Answerer, settings: Settings): Handled {
  const tab = checkSender(sender, extensionId);
  if (!tab) return { reply: { ok: false, error: 'bad-sender' } };
  const request = parseContentRequest(message);
  if (!request.ok) return { reply: { ok: false, error: request.error } };
  if (request.value.type === 'link-hosts') {
    // Link markers run on any site once the user opts in; they learn only public dataset facts about the hosts
    // they name, nothing about the user, and nothing at all unless the user turned the feature on.
    if (!settings.enabled || !settings.linkMarkers) return { reply: { ok: true, matches: [] }, tab, request: request.value };
    return { reply: { ok: true, matches: linkMatches(answerer, request.value.hosts, settings) }, tab, request: request.value };
  }
  // The URL comes from the browser's sender record, never from the message: a page can only ask about itself.
  const summary = settings.enabled ? summaryForUrl(answerer, tab.url, settings) : null;
  // Per-site settings key on the registrable domain, and only a platform page has one here.
  const site = summary ? (registrableDomain(tab.url) ?? undefined) : undefined;
  const reply: PageSummaryReply = {
    ok: true,
    summary,
    showBadge: summary !== null && site !== undefined && badgeAllowedOn(settings, site),
    corner: settings.badgeCorner,
  };
  if (request.value.type === 'dismiss-on-site') {
    // Only a platform page can ask, and only about its own registrable domain.
    return site && summary ? { reply: { ...reply, showBadge: false }, tab, request: request.value, dismissSite: site } : { reply: { ok: false, error: 'bad-request' } };
  }
  return { reply, tab, request: request.value };
}
