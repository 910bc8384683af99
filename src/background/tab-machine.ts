/**
 * What each tab shows, as a state machine fed by the browser's events (issue #9, points 1, 5 and 7). It holds, per
 * tab, the document on screen, the few documents the tab showed before (the back/forward cache may bring one back)
 * and any page being prerendered in it; for each document, the platform its URL belongs to and the platforms it
 * sent requests to. The background only turns browser events into `TabEvent`s; what they mean is decided here,
 * and `test/unit/background/tab-machine.test.ts` drives it with scripted event sequences.
 *
 * The rules:
 * - A document starts with the answer to its top-level request (`main` and `answered`); the URL the tab then
 *   commits says which document is on screen: a new one, one restored from the back/forward cache (a document this
 *   tab showed before with that URL), a prerendered one being activated, or the same one under a new URL (a
 *   single-page app: no new document, no new visit).
 * - A URL the extension may not see (`url: undefined`) is a page of no platform; nothing from an earlier page
 *   carries over to it.
 * - A prerendered page (requests with `preload: true`) changes nothing until it is shown.
 * - One visit per platform and navigation: counted when a new document of a platform is shown, never for a URL
 *   change inside a document nor for a document the back/forward cache restores.
 * - Events that come before the state saved by an earlier run of the background (`restored`) are queued and
 *   handled after it, in order.
 * Pure: the look-ups and what to do with the results (toolbar, history, storage.session) are passed in.
 */
import { createTabTracker, hostOfUrl, type TabActivity } from '../core/observer/third-parties.ts';

export type TabEvent =
  /** The state an earlier run saved (storage.session); nothing is handled before it. */
  | { type: 'restored'; tabs: Array<[number, unknown]> }
  /** The tab's URL as the browser reports it after a navigation or URL change; undefined: not visible to us. */
  | { type: 'committed'; tabId: number; url: string | undefined }
  /**
   * A request of the tab, as the browser reports it; `main` for its top-level document, `preload` for one made for
   * a page loaded ahead of a navigation (prerendered), not for the page on screen.
   */
  | { type: 'request'; tabId: number; url: string; main: boolean; phase: 'sent' | 'answered'; ip?: string; preload?: boolean; initiator?: string }
  | { type: 'closed'; tabId: number }
  /** Settings changed: show every tab again. */
  | { type: 'refresh' };

/** What the toolbar shows for a tab: the platform of the page on screen, and the platforms that page sent data to. */
export type ToolbarView<P> = { page: P | null; contacted: P[] };

export type TabPorts<P extends { id: string }> = {
  /** The platform a page's URL belongs to: the look-up every surface uses. */
  pageOf(url: string): P | undefined;
  /** The platform of a request's host, as the browser reports it (normalised). */
  hostOf(host: string): P | undefined;
  byId(id: string): P | undefined;
  showToolbar(tabId: number, view: ToolbarView<P>): void;
  /** A new document of this platform is on screen. */
  visited(platformId: string): void;
  /** The tab's state to keep across a restart of the background (undefined: forget the tab). */
  save(tabId: number, saved: SavedTab | undefined): void;
};

type SavedDoc = { url?: string; urls: string[]; activity?: TabActivity; visited: boolean };
export type SavedTab = { current: SavedDoc; recent: SavedDoc[]; prerendered: SavedDoc[] };

type Doc = { id: number; url: string | undefined; urls: string[]; visited: boolean };
type Tab = { current: Doc; recent: Doc[]; prerendered: Doc[] };

/** Documents kept per tab besides the one on screen (the back/forward cache holds a few). */
const MAX_RECENT = 6;
const MAX_PRERENDERED = 3;
const MAX_URLS = 20;

/** The URL without its fragment: a fragment never makes a new document, and requests carry none. */
const withoutFragment = (url: string) => {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
};
const originOf = (url: string | undefined) => {
  const host = url === undefined ? -1 : url.indexOf('/', url.indexOf('://') + 3);
  return url === undefined ? undefined : host === -1 ? url : url.slice(0, host);
};

export function createTabMachine<P extends { id: string }>(ports: TabPorts<P>) {
  let nextDoc = 1;
  const tabs = new Map<number, Tab>();
  // Per document (keyed by its id), the platforms it sent requests to, with the page's own platform left out.
  const tracker = createTabTracker((host) => ports.hostOf(host)?.id);
  let ready = false;
  const queue: TabEvent[] = [];
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));

  const newDoc = (url: string | undefined, activity?: TabActivity, visited = false, urls: string[] = url ? [url] : []): Doc => {
    const doc: Doc = { id: nextDoc++, url, urls, visited };
    const host = url === undefined ? undefined : hostOfUrl(url);
    if (activity) tracker.restore(doc.id, activity);
    else if (host !== undefined) tracker.restore(doc.id, { pageHost: host, platforms: [] });
    return doc;
  };
  const drop = (doc: Doc) => tracker.remove(doc.id);

  const saveDoc = (doc: Doc): SavedDoc => {
    const activity = tracker.activity(doc.id);
    return { ...(doc.url !== undefined && { url: doc.url }), urls: doc.urls, ...(activity && { activity }), visited: doc.visited };
  };
  const save = (tabId: number) => {
    const tab = tabs.get(tabId);
    ports.save(tabId, tab && { current: saveDoc(tab.current), recent: tab.recent.map(saveDoc), prerendered: tab.prerendered.map(saveDoc) });
  };

  const show = (tabId: number) => {
    const tab = tabs.get(tabId);
    const doc = tab?.current;
    const page = doc?.url === undefined ? null : (ports.pageOf(doc.url) ?? null);
    const contacted = doc ? (tracker.activity(doc.id)?.platforms ?? []).flatMap((p) => ports.byId(p.platformId) ?? []) : [];
    ports.showToolbar(tabId, { page, contacted });
  };

  const tabOf = (tabId: number): Tab => {
    let tab = tabs.get(tabId);
    if (!tab) {
      tab = { current: newDoc(undefined), recent: [], prerendered: [] };
      tabs.set(tabId, tab);
    }
    return tab;
  };

  /** Puts `doc` on screen, keeping the one it replaces for the back/forward cache. */
  const bringUp = (tab: Tab, doc: Doc) => {
    if (tab.current === doc) return;
    tab.recent = [tab.current, ...tab.recent.filter((d) => d !== doc)];
    tab.prerendered = tab.prerendered.filter((d) => d !== doc);
    for (const old of tab.recent.splice(MAX_RECENT)) drop(old);
    tab.current = doc;
    if (!doc.visited && doc.url !== undefined) {
      doc.visited = true;
      const platform = ports.pageOf(doc.url);
      if (platform) ports.visited(platform.id);
    }
  };

  function committed(tabId: number, rawUrl: string | undefined): void {
    const tab = tabOf(tabId);
    const url = rawUrl === undefined ? undefined : withoutFragment(rawUrl);
    if (url === undefined) {
      // Not a page we may see: no platform, and nothing of the page before.
      if (tab.current.url !== undefined) bringUp(tab, newDoc(undefined));
    } else if (tab.current.urls.includes(url)) {
      // The same document: a fragment, a reload status, or a single-page app going back to one of its URLs.
      tab.current.url = url;
    } else {
      const earlier = tab.prerendered.find((d) => d.url === url) ?? tab.recent.find((d) => d.urls.includes(url));
      if (earlier) {
        // A prerendered page activated, or a document restored from the back/forward cache.
        earlier.url = url;
        bringUp(tab, earlier);
      } else if (tab.current.url === undefined || originOf(tab.current.url) !== originOf(url)) {
        // A document whose top-level answer we did not see (it came before we could see the site).
        bringUp(tab, newDoc(url, undefined, true));
      } else {
        // A single-page app changed its URL: the same document, the same visit.
        tab.current.url = url;
        tab.current.urls = [...tab.current.urls.filter((u) => u !== url), url].slice(-MAX_URLS);
      }
    }
    show(tabId);
    save(tabId);
  }

  function request(e: Extract<TabEvent, { type: 'request' }>): void {
    if (e.tabId < 0) return; // not a tab's request (the browser's own, or an extension's)
    const tab = tabOf(e.tabId);
    if (e.main) {
      if (e.phase === 'sent') return; // the page on screen stays until the answer (a redirect may follow)
      const url = withoutFragment(e.url);
      if (e.preload) {
        const doc = newDoc(url);
        tab.prerendered = [doc, ...tab.prerendered];
        for (const old of tab.prerendered.splice(MAX_PRERENDERED)) drop(old);
        tracker.observe({ tabId: doc.id, url, type: 'main_frame', phase: 'answered', ...(e.ip && { ip: e.ip }) });
      } else {
        const doc = newDoc(url);
        tracker.observe({ tabId: doc.id, url, type: 'main_frame', phase: 'answered', ...(e.ip && { ip: e.ip }) });
        bringUp(tab, doc);
        show(e.tabId);
      }
      save(e.tabId);
      return;
    }
    // A prerendered page's requests count for it, never for the page on screen.
    const doc = e.preload ? tab.prerendered.find((d) => originOf(d.url) === e.initiator) : tab.current;
    if (doc === undefined) return;
    const changed = tracker.observe({ tabId: doc.id, url: e.url, type: 'sub', phase: e.phase, ...(e.ip && { ip: e.ip }) });
    if (changed && doc === tab.current) show(e.tabId);
    if (changed || e.phase === 'answered') save(e.tabId);
  }

  function restore(entries: Array<[number, unknown]>): void {
    for (const [tabId, value] of entries) {
      const saved = value as Partial<SavedTab> | undefined;
      if (!saved?.current || !Array.isArray(saved.recent) || !Array.isArray(saved.prerendered)) continue;
      const load = (d: SavedDoc) => newDoc(d.url, d.activity, d.visited, Array.isArray(d.urls) ? d.urls : []);
      // An event handled before the restore (none are: they wait) would have made its own state; keep the newest.
      if (!tabs.has(tabId)) tabs.set(tabId, { current: load(saved.current), recent: saved.recent.map(load), prerendered: saved.prerendered.map(load) });
    }
  }

  function handle(e: TabEvent): void {
    switch (e.type) {
      case 'restored':
        return restore(e.tabs);
      case 'committed':
        return committed(e.tabId, e.url);
      case 'request':
        return request(e);
      case 'closed': {
        const tab = tabs.get(e.tabId);
        if (tab) for (const doc of [tab.current, ...tab.recent, ...tab.prerendered]) drop(doc);
        tabs.delete(e.tabId);
        ports.save(e.tabId, undefined);
        return;
      }
      case 'refresh':
        for (const tabId of tabs.keys()) show(tabId);
    }
  }

  return {
    dispatch(e: TabEvent): void {
      if (ready) return handle(e);
      if (e.type !== 'restored') {
        queue.push(e);
        return;
      }
      handle(e);
      ready = true;
      for (const queued of queue.splice(0)) handle(queued);
      markReady();
    },
    /** Resolves once the saved state is in place and the events that waited for it are handled. */
    whenReady: () => whenReady,
    /** The platforms the page on screen in this tab sent data to. */
    activity(tabId: number): TabActivity | undefined {
      const doc = tabs.get(tabId)?.current;
      return doc && doc.url !== undefined ? tracker.activity(doc.id) : undefined;
    },
    tabs: () => [...tabs.keys()],
  };
}

export type TabMachine = ReturnType<typeof createTabMachine>;
