/**
 * The only module that touches the WebExtension API (through webextension-polyfill, so `browser.*` works the
 * same in Chrome and Firefox), with page-api.ts, its part for content scripts. Each function is named for what it
 * does; browser differences live here.
 */
import browser from 'webextension-polyfill';
import type { Runtime, Storage, Tabs } from 'webextension-polyfill';
import { createKeyedQueue } from '../core/keyed-queue.ts';
import { message } from './page-api.ts';

export type { Runtime };
// What content scripts use as well lives in page-api.ts, so that theirs stays small.
export { formatLocale, message, messagesDirection, messagesFolder, sendToBackground, uiLanguage } from './page-api.ts';

export function extensionId(): string {
  return browser.runtime.id;
}

export async function setToolbarBadge(tabId: number, badge: { text: string; color: string; title: string } | null): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge?.text ?? '' }),
      browser.action.setTitle({ tabId, title: badge?.title ?? message('extName') }),
      ...(badge ? [browser.action.setBadgeBackgroundColor({ tabId, color: badge.color })] : []),
    ]);
    if (badge && 'setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
  } catch {
    // The tab closed between the event and this call: nothing to update.
  }
}

/**
 * The page the toolbar button opens for this tab (a path from the extension's root; the background's page is at
 * the root in both browsers, so Firefox, which resolves it from the caller, gets the same file).
 */
export async function setToolbarPopup(tabId: number, popup: string): Promise<void> {
  await browser.action.setPopup({ tabId, popup }).catch(() => undefined); // the tab closed meanwhile
}

/** Fires when a tab starts loading or changes URL (including history.pushState in single-page apps). */
export function onTabNavigated(listener: (tabId: number, url: string | undefined, urlChanged: boolean) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') listener(tabId, tab.url, change.url !== undefined);
  });
}

/** Chrome swaps a tab's contents for another (a discarded tab reloaded, an instant page): the new id takes over. */
export function onTabReplaced(listener: (addedTabId: number, removedTabId: number) => void): void {
  browser.tabs.onReplaced.addListener((added, removed) => listener(added, removed));
}

/** Tabs whose URL the extension may read: only platform hosts (its host permissions) show one. */
export async function allTabs(): Promise<Array<{ id: number; url: string | undefined }>> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [{ id: tab.id, url: tab.url }]));
}

export async function tabUrl(tabId?: number): Promise<{ id: number; url: string | undefined } | undefined> {
  let tab: Tabs.Tab | undefined;
  if (tabId !== undefined) tab = await browser.tabs.get(tabId).catch(() => undefined);
  else [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

export function onContentMessage(handler: (message: unknown, sender: Runtime.MessageSender) => unknown): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => Promise.resolve(handler(message, sender)));
}

export function onInstalledOrStarted(listener: () => void): void {
  browser.runtime.onInstalled.addListener(listener);
  browser.runtime.onStartup.addListener(listener);
}

// Settings live in storage.sync where the browser has it (they follow the user), else storage.local.
const SETTINGS_KEY = 'settings';
function settingsArea() {
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadStoredSettings(): Promise<unknown> {
  try {
    return (await settingsArea().get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return undefined; // storage unavailable (sync disabled by policy): defaults apply
  }
}

/**
 * Runs `task` alone for `key`, across all the extension's contexts (its pages and its background share one
 * origin, so one set of Web Locks); within one context only where the browser has no Web Locks.
 */
const localQueue = createKeyedQueue();
function exclusively<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(`residency-lens:${key}`, task) as Promise<T>) : localQueue.run(key, task);
}

/**
 * Reads one stored value, changes it and writes it back with no other change to it in between (two tabs hiding
 * the badge at once while an option changes: nothing is lost). `change` returns the new value, or undefined to
 * remove it; the new value is returned.
 */
async function changeStored<T>(area: Storage.StorageArea, key: string, change: (current: unknown) => T | undefined): Promise<T | undefined> {
  return exclusively(key, async () => {
    const next = change((await area.get(key))[key]);
    if (next === undefined) await area.remove(key);
    else await area.set({ [key]: next });
    return next;
  });
}

/** Settings are only ever changed this way: from what is stored at that moment, never from a copy read earlier. */
export function changeStoredSettings<T extends object>(change: (current: unknown) => T): Promise<T> {
  return changeStored(settingsArea(), SETTINGS_KEY, change) as Promise<T>;
}

export function onStoredSettingsChanged(listener: (value: unknown) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) listener(changes[SETTINGS_KEY]!.newValue);
  });
}

// The opt-in history is local only (never synced), under its own key.
const HISTORY_KEY = 'history';
export async function loadHistory(): Promise<unknown> {
  return (await browser.storage.local.get(HISTORY_KEY))[HISTORY_KEY];
}
/** The history is only ever changed this way (see changeStored); undefined from `change` clears it. */
export function changeHistory<T>(change: (current: unknown) => T | undefined): Promise<T | undefined> {
  return changeStored(browser.storage.local, HISTORY_KEY, change);
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/**
 * A file of the extension itself (a build asset), by its path in the extension. The only fetch the extension
 * makes: to its own origin, which the pages' CSP (`connect-src 'self'`) also limits it to.
 */
export async function readOwnFile(path: string): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The extension's own pages' origin, to tell its popup and options page from content scripts. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}

/**
 * Every response the browser lets the extension see (only hosts it has access to: the platforms, or all sites
 * once the user grants it). Observation only: the listener cannot block or change anything.
 */
export type ObservedRequest = { tabId: number; url: string; main: boolean; phase: 'sent' | 'answered'; ip?: string; preload: boolean; initiator?: string };

export function onRequestObserved(listener: (request: ObservedRequest) => void): boolean {
  if (!browser.webRequest?.onSendHeaders) return false;
  // Chrome says which document a request belongs to. A page loaded ahead of a navigation that may never come
  // (speculation rules) is a preload, not the tab's page: its requests have the "prerender" lifecycle, and the
  // top-level request fetched ahead for it comes from the current document (it has a documentId, which a
  // navigation's own request never has). Firefox does not prerender and sends neither.
  type Details = { tabId: number; url: string; type: string; initiator?: string; ip?: string; documentLifecycle?: string; documentId?: string };
  const observed = (d: Details, phase: 'sent' | 'answered'): ObservedRequest => ({
    tabId: d.tabId,
    url: d.url,
    main: d.type === 'main_frame',
    phase,
    preload: d.documentLifecycle === 'prerender' || (d.type === 'main_frame' && d.documentId !== undefined),
    ...(d.initiator && { initiator: d.initiator }),
    ...(phase === 'answered' && d.ip && { ip: d.ip }),
  });
  // Sent: the request left the browser (after any blocker had its say), whatever the answer.
  browser.webRequest.onSendHeaders.addListener((d) => listener(observed(d, 'sent')), { urls: ['<all_urls>'] });
  // Answered: the server's IP address, for its location; for a page, the document that will show.
  browser.webRequest.onResponseStarted.addListener((d) => listener(observed(d, 'answered')), { urls: ['<all_urls>'] });
  return true;
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

export const ALL_SITES = { origins: ['<all_urls>'] };

export function hasAllSitesAccess(): Promise<boolean> {
  return browser.permissions.contains(ALL_SITES);
}

/** Asks the user for access to all sites (must follow a click). */
export function requestAllSitesAccess(): Promise<boolean> {
  return browser.permissions.request(ALL_SITES);
}

export function removeAllSitesAccess(): Promise<boolean> {
  return browser.permissions.remove(ALL_SITES);
}

export function onPermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}

// Per-tab observations survive a service-worker restart in storage.session (memory only, gone with the browser
// session); each tab's entry is removed when the tab closes.
const SESSION_PREFIX = 'tab:';
export async function saveTabActivity(tabId: number, activity: unknown): Promise<void> {
  await browser.storage.session?.set({ [`${SESSION_PREFIX}${tabId}`]: activity }).catch(() => undefined);
}
export async function dropTabActivity(tabId: number): Promise<void> {
  await browser.storage.session?.remove(`${SESSION_PREFIX}${tabId}`).catch(() => undefined);
}
export async function loadAllTabActivity(): Promise<Array<[number, unknown]>> {
  const all = (await browser.storage.session?.get(null).catch(() => ({}))) ?? {};
  return Object.entries(all).flatMap(([key, value]) => (key.startsWith(SESSION_PREFIX) ? [[Number(key.slice(SESSION_PREFIX.length)), value] as [number, unknown]] : []));
}

export async function sendFromPage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/** Registers or removes a content script on every site (link markers); needs access to all sites. */
export async function setAllSitesScript(id: string, file: string, on: boolean): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [id] }).catch(() => [])).length > 0;
  if (on && !registered) {
    await browser.scripting.registerContentScripts([{ id, js: [file], matches: ['<all_urls>'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]);
  } else if (!on && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [id] });
  }
}

/**
 * Makes the registered content scripts whose ids start with `prefix` exactly `wanted`: registers the missing ones,
 * updates the changed ones, removes the others. Registrations persist across browser restarts.
 */
export async function syncRegisteredScripts(
  prefix: string,
  wanted: Array<{ id: string; matches: string[]; excludeMatches: string[]; js: string[] }>,
): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(prefix));
  const byId = new Map(registered.map((s) => [s.id, s]));
  const wantedIds = new Set(wanted.map((w) => w.id));
  const same = (a: string[] | undefined, b: string[]) => (a ?? []).length === b.length && b.every((x, i) => a![i] === x);
  const stale = registered.filter((s) => !wantedIds.has(s.id)).map((s) => s.id);
  const fresh = wanted.filter((w) => !byId.has(w.id));
  const changed = wanted.filter((w) => {
    const r = byId.get(w.id);
    return r !== undefined && !(same(r.js, w.js) && same(r.matches, w.matches) && same(r.excludeMatches, w.excludeMatches));
  });
  const script = (w: (typeof wanted)[number]) => ({
    ...w,
    // At document_start: the content script decides, builds and places the badge before the page's own scripts run
    // and before its first paint. (Chromium runs registered scripts for document_end
    // only some 100 to 200 ms after DOMContentLoaded on this machine, measured with the benchmark's pages.)
    runAt: 'document_start' as const,
    allFrames: false,
    persistAcrossSessions: true,
  });
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (changed.length > 0) await browser.scripting.updateContentScripts(changed.map(script));
  if (fresh.length > 0) await browser.scripting.registerContentScripts(fresh.map(script));
}

/** A JSON file of the extension's own package (the dataset's per-platform parts), never anything from the network. */
export async function loadPackagedJson(path: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await readOwnFile(path)));
}

/** Earlier versions kept the badge's answer per platform domain in storage.local ("badge:<domain>"): drop them. */
export async function dropLegacyBadgeAnswers(): Promise<void> {
  const stale = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('badge:'));
  if (stale.length > 0) await browser.storage.local.remove(stale);
}
