/**
 * The per-tab state machine, driven by scripted event sequences as the browsers deliver them (recorded in Chromium
 * 156 and Firefox ESR): each test says what the tab shows on the toolbar, which visits are counted and what is
 * kept for a restart, after a sequence of navigations, URL changes, requests and restarts.
 */
import { describe, expect, it } from 'vitest';
import { createTabMachine, type SavedTab, type TabEvent } from '../../../src/background/tab-machine.ts';

type P = { id: string };
const PLATFORMS: Record<string, P> = { 'www.tiktok.com': { id: 'tiktok' }, 'www.google.com': { id: 'google-search' }, 'mail.google.com': { id: 'gmail' }, 'analytics.tiktok.com': { id: 'tiktok' }, 'connect.facebook.net': { id: 'facebook' }, 'www.instagram.com': { id: 'instagram' } };
const hostOf = (url: string) => new URL(url).hostname;

function setup() {
  const toolbar = new Map<number, { page: string | null; contacted: string[] }>();
  const visits: string[] = [];
  const saved = new Map<number, SavedTab>();
  const machine = createTabMachine<P>({
    pageOf: (url) => PLATFORMS[hostOf(url)],
    hostOf: (host) => PLATFORMS[host],
    byId: (id) => Object.values(PLATFORMS).find((p) => p.id === id),
    showToolbar: (tabId, view) => toolbar.set(tabId, { page: view.page?.id ?? null, contacted: view.contacted.map((p) => p.id) }),
    visited: (id) => visits.push(id),
    save: (tabId, s) => (s ? saved.set(tabId, s) : saved.delete(tabId)),
  });
  const run = (...events: TabEvent[]) => events.forEach((e) => machine.dispatch(e));
  return { machine, toolbar, visits, saved, run };
}

const TAB = 7;
const committed = (url: string | undefined, tabId = TAB): TabEvent => ({ type: 'committed', tabId, url });
const page = (url: string, extra: Partial<Extract<TabEvent, { type: 'request' }>> = {}): TabEvent[] => [
  { type: 'request', tabId: TAB, url, main: true, phase: 'sent', preload: false, ...extra },
  { type: 'request', tabId: TAB, url, main: true, phase: 'answered', preload: false, ip: '192.0.2.1', ...extra },
];
const sub = (url: string, extra: Partial<Extract<TabEvent, { type: 'request' }>> = {}): TabEvent => ({ type: 'request', tabId: TAB, url, main: false, phase: 'sent', preload: false, ...extra });
/** Chrome: the answer to the page's request, then the tab's URL (status "loading"), as recorded. */
const navigate = (url: string) => [...page(url), committed(url)];
const ready: TabEvent = { type: 'restored', tabs: [] };

describe('tab state machine', () => {
  it('follows the tab from a platform to a site it may not see: no platform there, nothing carried over', () => {
    const { run, toolbar } = setup();
    run(ready, ...navigate('https://www.tiktok.com/'), sub('https://connect.facebook.net/fbevents.js'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
    // example.org: no host permission, so no URL and no requests are seen.
    run(committed(undefined));
    expect(toolbar.get(TAB)).toEqual({ page: null, contacted: [] });
  });

  it('counts one visit per navigation: a single-page app\'s URL changes and fragments are not new visits', () => {
    const { run, visits, toolbar } = setup();
    run(ready, ...navigate('https://www.tiktok.com/'));
    run(committed('https://www.tiktok.com/@someone'), committed('https://www.tiktok.com/@someone/video/1'), committed('https://www.tiktok.com/@someone/video/1#comments'));
    expect(visits).toEqual(['tiktok']);
    expect(toolbar.get(TAB)?.page).toBe('tiktok');
    // A real navigation (or a reload) is a new visit.
    run(...navigate('https://www.tiktok.com/foryou'));
    run(...page('https://www.tiktok.com/foryou'), committed('https://www.tiktok.com/foryou'));
    expect(visits).toEqual(['tiktok', 'tiktok', 'tiktok']);
  });

  it('keeps a page\'s third parties across its single-page-app URL changes', () => {
    const { run, toolbar } = setup();
    run(ready, ...navigate('https://www.tiktok.com/'), sub('https://connect.facebook.net/x.js'), committed('https://www.tiktok.com/next'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
  });

  it('back and forward through the back/forward cache show the page on screen, with its own third parties', () => {
    const { run, toolbar, visits } = setup();
    run(ready, ...navigate('https://www.tiktok.com/a'), sub('https://connect.facebook.net/x.js'));
    run(...navigate('https://www.google.com/search'));
    expect(toolbar.get(TAB)).toEqual({ page: 'google-search', contacted: [] });
    // Back from the cache: no request, only the tab's URL.
    run(committed('https://www.tiktok.com/a'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
    run(committed('https://www.google.com/search'));
    expect(toolbar.get(TAB)).toEqual({ page: 'google-search', contacted: [] });
    // Forward to a site it may not see, back again.
    run(committed(undefined));
    expect(toolbar.get(TAB)).toEqual({ page: null, contacted: [] });
    run(committed('https://www.google.com/search'));
    expect(toolbar.get(TAB)?.page).toBe('google-search');
    expect(visits).toEqual(['tiktok', 'google-search']);
  });

  it('a single-page app going back to an earlier URL of its own stays the same document', () => {
    const { run, toolbar, visits } = setup();
    run(ready, ...navigate('https://www.tiktok.com/a'));
    run(...navigate('https://www.tiktok.com/a')); // clicked the logo: a new document at the same URL
    run(sub('https://connect.facebook.net/x.js'), committed('https://www.tiktok.com/b'), committed('https://www.tiktok.com/a'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
    expect(visits).toEqual(['tiktok', 'tiktok']);
  });

  it('a prerendered page changes nothing until it is shown; then it is on screen, counted once', () => {
    const { run, toolbar, visits } = setup();
    run(ready, ...navigate('https://www.google.com/'));
    // Speculation rules fetch Gmail ahead (Chrome: a top-level request from the current document), then prerender
    // it in the same tab: its requests carry the prerender lifecycle. Both are preloads.
    run(...page('https://mail.google.com/x', { preload: true }), ...page('https://mail.google.com/x', { preload: true }));
    run(sub('https://www.instagram.com/px.gif', { preload: true, initiator: 'https://mail.google.com' }));
    expect(toolbar.get(TAB)).toEqual({ page: 'google-search', contacted: [] });
    expect(visits).toEqual(['google-search']);
    // The user follows the link: Chrome activates the prerendered page, no new request.
    run(committed('https://mail.google.com/x'));
    expect(toolbar.get(TAB)).toEqual({ page: 'gmail', contacted: ['instagram'] });
    expect(visits).toEqual(['google-search', 'gmail']);
  });

  it('a page that is never shown leaves no trace', () => {
    const { run, toolbar, visits } = setup();
    run(ready, ...navigate('https://www.google.com/'), ...page('https://mail.google.com/x', { preload: true }), ...navigate('https://www.google.com/search'));
    expect(toolbar.get(TAB)?.page).toBe('google-search');
    expect(visits).toEqual(['google-search', 'google-search']);
  });

  it('handles nothing before the state of the previous run is back, then everything in order', () => {
    const { machine, run, toolbar, visits } = setup();
    // The previous run saw a TikTok page that talked to Facebook.
    const before = setup();
    before.run(ready, ...navigate('https://www.tiktok.com/'), sub('https://connect.facebook.net/x.js'));
    const saved = [...before.saved];
    // The event that wakes the new run comes before the saved state is read: a new page in the tab.
    run(...navigate('https://www.google.com/'), sub('https://www.instagram.com/px.gif'));
    expect(toolbar.size).toBe(0);
    expect(machine.activity(TAB)).toBeUndefined();
    run({ type: 'restored', tabs: saved });
    // The new page is on screen with its own first request; the old state did not overwrite it.
    expect(toolbar.get(TAB)).toEqual({ page: 'google-search', contacted: ['instagram'] });
    expect(visits).toEqual(['google-search']);
    // And the old page is still there for the back/forward cache.
    run(committed('https://www.tiktok.com/'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
  });

  it('restores every tab after a restart, and a restart in the middle of a page loses nothing', () => {
    const first = setup();
    first.run(ready, ...navigate('https://www.tiktok.com/'), sub('https://connect.facebook.net/x.js'));
    first.run(committed('https://www.google.com/', 8), ...navigate('https://www.google.com/').map((e) => ({ ...e, tabId: 8 }) as TabEvent));
    const second = setup();
    second.run({ type: 'restored', tabs: [...first.saved] }, { type: 'refresh' });
    expect(second.toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
    expect(second.toolbar.get(8)).toEqual({ page: 'google-search', contacted: [] });
    second.run(sub('https://www.instagram.com/px.gif'));
    expect(second.toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook', 'instagram'] });
    expect(second.visits).toEqual([]);
  });

  it('ignores saved state it cannot read (an older version\'s, or garbage)', () => {
    const { run, toolbar } = setup();
    run({ type: 'restored', tabs: [[TAB, { pageHost: 'www.tiktok.com', platforms: [] }], [9, 'garbage'], [10, null]] }, { type: 'refresh' });
    expect(toolbar.size).toBe(0);
  });

  it('forgets a closed tab, in memory and in storage', () => {
    const { machine, run, saved } = setup();
    run(ready, ...navigate('https://www.tiktok.com/'));
    expect(saved.has(TAB)).toBe(true);
    run({ type: 'closed', tabId: TAB });
    expect(saved.has(TAB)).toBe(false);
    expect(machine.tabs()).toEqual([]);
  });

  it('keeps the page on screen until the answer for the next one comes (a redirect or a download may follow)', () => {
    const { run, toolbar } = setup();
    run(ready, ...navigate('https://www.tiktok.com/'));
    run({ type: 'request', tabId: TAB, url: 'https://www.google.com/', main: true, phase: 'sent', preload: false }, sub('https://connect.facebook.net/x.js'));
    expect(toolbar.get(TAB)).toEqual({ page: 'tiktok', contacted: ['facebook'] });
  });

  it('ignores requests of no tab (the browser\'s own, an extension\'s)', () => {
    const { run, toolbar } = setup();
    run(ready, { type: 'request', tabId: -1, url: 'https://www.tiktok.com/', main: true, phase: 'answered', preload: false });
    expect(toolbar.size).toBe(0);
  });

  it('shows a tab that was open before the extension started, without counting a visit', () => {
    const { run, toolbar, visits } = setup();
    run(ready, committed('https://www.tiktok.com/'));
    expect(toolbar.get(TAB)?.page).toBe('tiktok');
    expect(visits).toEqual([]);
  });
});
