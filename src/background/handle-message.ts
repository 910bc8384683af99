/**
 * The background's answer to a content script. Pure: it takes the message, the sender as the browser reported
 * it, and the extension's own id, so tests can forge any of them.
 */
import type { Runtime } from 'webextension-polyfill';
import { parseContentRequest, type PageSummaryReply } from '../core/messaging/protocol.ts';
import { summaryForUrl, type Answerer } from './answerer.ts';

/** Only a top-frame content script of this extension, in a real tab, gets an answer. */
export function checkSender(sender: Runtime.MessageSender, extensionId: string): { tabId: number; url: string } | undefined {
  if (sender.id !== extensionId) return undefined;
  const tabId = sender.tab?.id;
  const url = sender.url;
  if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0 || typeof url !== 'string') return undefined;
  return { tabId, url };
}

export function handleContentMessage(
  message: unknown,
  sender: Runtime.MessageSender,
  extensionId: string,
  answerer: Answerer,
): { reply: PageSummaryReply; tab?: { tabId: number; url: string } } {
  const tab = checkSender(sender, extensionId);
  if (!tab) return { reply: { ok: false, error: 'bad-sender' } };
  const request = parseContentRequest(message);
  if (!request.ok) return { reply: { ok: false, error: request.error } };
  // The URL comes from the browser's sender record, never from the message: a page can only ask about itself.
  return { reply: { ok: true, summary: summaryForUrl(answerer, tab.url), showBadge: true }, tab };
}
