/**
 * Which known platforms a page sends requests to, per tab and per page load: the request observer's core.
 * Observation only (nothing is blocked), kept in memory for the tab's life and dropped when the tab closes or
 * loads a new page. Pure: the look-up is passed in, so tests and benchmarks run it in Node.
 */

export type ObservedRequest = {
  tabId: number;
  url: string;
  /** 'main_frame' starts a new page load in the tab */
  type: string;
  /** the server address the browser reports, when it does */
  ip?: string;
  /** 'sent' when the request leaves the browser; 'answered' when the response starts (with the server's IP) */
  phase?: 'sent' | 'answered';
};

export type ContactedPlatform = { platformId: string; hosts: string[]; requests: number; ips: string[] };

export type TabActivity = {
  pageHost: string;
  pageIp?: string;
  platforms: ContactedPlatform[];
};

const MAX_HOSTS = 20;
const MAX_IPS = 5;

/**
 * Host of an absolute http(s) or ws(s) URL as the browser reports it (already lower case and punycode), without
 * building a URL object: this runs for every request of every page.
 */
export function hostOfUrl(url: string): string | undefined {
  const start = url.indexOf('://');
  if (start < 0 || start > 5) return undefined;
  let end = start + 3;
  let hostStart = end;
  for (; end < url.length; end += 1) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) break; // / ? #
    if (c === 64) hostStart = end + 1; // user:pass@
  }
  let host = url.slice(hostStart, end);
  if (host.charCodeAt(0) === 91) return undefined; // [IPv6]
  const colon = host.lastIndexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  return host.length > 0 ? host : undefined;
}

type TabState = { pageHost: string; pagePlatform: string | undefined; pageIp?: string | undefined; platforms: Map<string, { hosts: Set<string>; requests: number; ips: Set<string> }> };

export type TabTracker = {
  /** Returns true when the set of platforms contacted by the tab changed (so the toolbar needs an update). */
  observe(request: ObservedRequest): boolean;
  activity(tabId: number): TabActivity | undefined;
  remove(tabId: number): void;
  tabs(): number[];
  restore(tabId: number, activity: TabActivity): void;
};

export function createTabTracker(platformOf: (host: string) => string | undefined): TabTracker {
  const tabs = new Map<number, TabState>();
  return {
    observe({ tabId, url, type, ip, phase = 'sent' }) {
      if (tabId < 0) return false; // not a tab (the browser's or an extension's own request)
      const host = hostOfUrl(url);
      if (host === undefined) return false;
      if (phase === 'answered') {
        // Only adds the server's address to what the 'sent' phase recorded.
        const tab = tabs.get(tabId);
        if (tab === undefined || ip === undefined) return false;
        if (type === 'main_frame' && tab.pageHost === host) tab.pageIp = ip;
        const entry = tab.platforms.get(platformOf(host) ?? '');
        if (entry && entry.ips.size < MAX_IPS) entry.ips.add(ip);
        return false;
      }
      if (type === 'main_frame') {
        const had = (tabs.get(tabId)?.platforms.size ?? 0) > 0;
        tabs.set(tabId, { pageHost: host, pagePlatform: platformOf(host), ...(ip && { pageIp: ip }), platforms: new Map() });
        return had;
      }
      const tab = tabs.get(tabId);
      if (tab === undefined) return false;
      const platformId = platformOf(host);
      // The page's own platform (TikTok's CDN on tiktok.com) is not a third party.
      if (platformId === undefined || platformId === tab.pagePlatform) return false;
      let entry = tab.platforms.get(platformId);
      const isNew = entry === undefined;
      if (entry === undefined) {
        entry = { hosts: new Set(), requests: 0, ips: new Set() };
        tab.platforms.set(platformId, entry);
      }
      entry.requests += 1;
      if (entry.hosts.size < MAX_HOSTS) entry.hosts.add(host);
      return isNew;
    },
    activity(tabId) {
      const tab = tabs.get(tabId);
      if (tab === undefined) return undefined;
      return {
        pageHost: tab.pageHost,
        ...(tab.pageIp && { pageIp: tab.pageIp }),
        platforms: [...tab.platforms].map(([platformId, e]) => ({ platformId, hosts: [...e.hosts], requests: e.requests, ips: [...e.ips] })),
      };
    },
    remove(tabId) {
      tabs.delete(tabId);
    },
    tabs: () => [...tabs.keys()],
    restore(tabId, activity) {
      tabs.set(tabId, {
        pageHost: activity.pageHost,
        pagePlatform: platformOf(activity.pageHost),
        ...(activity.pageIp && { pageIp: activity.pageIp }),
        platforms: new Map(activity.platforms.map((p) => [p.platformId, { hosts: new Set(p.hosts), requests: p.requests, ips: new Set(p.ips) }])),
      });
    },
  };
}
