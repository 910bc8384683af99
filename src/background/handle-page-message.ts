/**
 * Answers the extension's own pages (popup, options). Pure: the message, the sender, the extension's id and
 * origin, and what the background holds (ports) come in. Anything else (a content script, a web page, another
 * extension) is refused.
 *
 * The popup's first question (`tab-activity`) is answered from memory only: the platform of the tab's URL, that
 * platform's slice (which the toolbar has usually loaded already) and the page's third parties; server countries
 * only if the IP table is already decoded. Decoding the table (tens of milliseconds, more on a busy machine) is
 * the second question's work (`server-countries`), asked once the popup has drawn, so it never delays the popup.
 */
import type { Runtime } from 'webextension-polyfill';
import { relayedSlice, type PlatformSlice } from '../core/dataset/split.ts';
import type { IpCountryLookup } from '../core/ip-country/lookup.ts';
import type { TabActivity } from '../core/observer/third-parties.ts';
import { parsePageRequest, type PageMatch, type ServerCountriesReply, type TabActivityReply } from '../core/messaging/protocol.ts';

export function isExtensionPage(sender: Runtime.MessageSender, extensionId: string, origin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export type PagePorts = {
  /** what the page on screen in this tab sent, as the tab machine holds it */
  activity(tabId: number): TabActivity | undefined;
  /** false without access to all sites: third parties cannot be seen */
  observing: boolean;
  /** the platform of a URL (the shared host look-up over the background's host index) */
  pageOf(url: string): PageMatch;
  /** a platform's slice, when the popup should show it (undefined: the extension is switched off) */
  slice(platformId: string): Promise<PlatformSlice> | undefined;
  /** the IP look-up if the table is decoded already, else undefined (and its loading starts) */
  serverCountryNow(): IpCountryLookup | undefined;
  /** the IP look-up, reading and decoding the table if needed */
  serverCountry(): Promise<IpCountryLookup>;
};

const hasAddresses = (activity: TabActivity) => activity.pageIp !== undefined || activity.platforms.some((p) => p.ips.length > 0);

function located(activity: TabActivity, serverCountry: IpCountryLookup) {
  const pageServerCountry = activity.pageIp ? serverCountry(activity.pageIp) : undefined;
  return {
    ...(pageServerCountry && { pageServerCountry }),
    platforms: activity.platforms.map((p) => ({ platformId: p.platformId, serverCountries: [...new Set(p.ips.flatMap((ip) => serverCountry(ip) ?? []))] })),
  };
}

export async function handlePageMessage(message: unknown, sender: Runtime.MessageSender, extensionId: string, origin: string, ports: PagePorts): Promise<TabActivityReply | ServerCountriesReply> {
  if (!isExtensionPage(sender, extensionId, origin)) return { ok: false, error: 'bad-sender' };
  const request = parsePageRequest(message);
  if (!request.ok) return { ok: false, error: 'bad-request' };
  const activity = ports.activity(request.value.tabId);
  if (request.value.type === 'server-countries') {
    return { ok: true, ...(activity && hasAddresses(activity) ? located(activity, await ports.serverCountry()) : { platforms: [] }) };
  }
  const url = request.value.url;
  const page = url === undefined ? undefined : ports.pageOf(url);
  const slice = page?.kind === 'platform' ? await ports.slice(page.platformId)?.catch(() => undefined) : undefined;
  const found = { ...(page && { page }), ...(slice && { slice: relayedSlice(slice) }) };
  if (!activity) return { ok: true, observing: ports.observing, ...found, activity: null };
  const lookup = hasAddresses(activity) ? ports.serverCountryNow() : () => undefined;
  const countries = lookup && located(activity, lookup);
  return {
    ok: true,
    observing: ports.observing,
    ...found,
    activity: {
      ...activity,
      ...(countries?.pageServerCountry && { pageServerCountry: countries.pageServerCountry }),
      platforms: activity.platforms.map((p, i) => ({ ...p, serverCountries: countries?.platforms[i]?.serverCountries ?? [] })),
      located: countries !== undefined,
    },
  };
}
