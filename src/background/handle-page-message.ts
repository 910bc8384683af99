/**
 * Answers the extension's own pages (popup, options). Pure: the message, the sender, the extension's id and
 * origin, and the tracker come in. Anything else (a content script, a web page, another extension) is refused.
 */
import type { Runtime } from 'webextension-polyfill';
import type { TabTracker } from '../core/observer/third-parties.ts';
import { parsePageRequest, type TabActivityReply } from '../core/messaging/protocol.ts';

export function isExtensionPage(sender: Runtime.MessageSender, extensionId: string, origin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export function handlePageMessage(
  message: unknown,
  sender: Runtime.MessageSender,
  extensionId: string,
  origin: string,
  tracker: Pick<TabTracker, 'activity'>,
  observing: boolean,
  serverCountry: (ip: string) => string | undefined,
): TabActivityReply {
  if (!isExtensionPage(sender, extensionId, origin)) return { ok: false, error: 'bad-sender' };
  const request = parsePageRequest(message);
  if (!request.ok) return { ok: false, error: 'bad-request' };
  const activity = tracker.activity(request.value.tabId);
  if (!activity) return { ok: true, observing, activity: null };
  const pageServerCountry = activity.pageIp ? serverCountry(activity.pageIp) : undefined;
  return {
    ok: true,
    observing,
    activity: {
      ...activity,
      ...(pageServerCountry && { pageServerCountry }),
      platforms: activity.platforms.map((p) => ({ ...p, serverCountries: [...new Set(p.ips.flatMap((ip) => serverCountry(ip) ?? []))] })),
    },
  };
}
