/**
 * The only module that touches the WebExtension API (through webextension-polyfill, so `browser.*` works the
 * same in Chrome and Firefox). Each function is named for what it does; browser differences live here.
 */
import browser from 'webextension-polyfill';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { displayLocale } from '../core/i18n/display-locale.ts';

export type { Runtime };

export function extensionId(): string {
  return browser.runtime.id;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

export function message(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/**
 * The locale to format in (country names, dates, lists, numbers, plurals): that of the messages the browser
 * picked for this extension, which the build writes into each messages.json as `messagesLocale`.
 */
export function formatLocale(): string {
  const messagesLocale = browser.i18n.getMessage('messagesLocale');
  return messagesLocale ? displayLocale(uiLanguage(), messagesLocale) : uiLanguage();
}

/** The writing direction of the extension's own messages ("ltr" or "rtl"), whatever the page's. */
export function messagesDirection(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
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

/** Fires when a tab starts loading or changes URL (including history.pushState in single-page apps). */
export function onTabNavigated(listener: (tabId: number, url: string | undefined, urlChanged: boolean) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') listener(tabId, tab.url, change.url !== undefined);
  });
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

/** In a content script: messages from this extension's background only (not from other tabs' scripts). */
export function onBackgroundNotice(listener: (message: unknown) => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id === browser.runtime.id && sender.tab === undefined) listener(message);
  });
}

/** In the background: tell a tab's content script something; a tab without one is not an error. */
export async function notifyTab(tabId: number, message: unknown): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    // No content script there (not a platform page, or still loading).
  }
}

export function sendToBackground(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
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

export async function storeSettings(settings: object): Promise<void> {
  await settingsArea().set({ [SETTINGS_KEY]: settings });
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
export async function storeHistory(history: unknown): Promise<void> {
  await browser.storage.local.set({ [HISTORY_KEY]: history });
}
export async function clearHistory(): Promise<void> {
  await browser.storage.local.remove(HISTORY_KEY);
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
export function onRequestObserved(listener: (request: { tabId: number; url: string; type: string; ip?: string; phase: 'sent' | 'answered' }) => void): boolean {
  if (!browser.webRequest?.onSendHeaders) return false;
  // Sent: the request left the browser (after any blocker had its say), whatever the answer.
  browser.webRequest.onSendHeaders.addListener((d) => listener({ tabId: d.tabId, url: d.url, type: d.type, phase: 'sent' }), { urls: ['<all_urls>'] });
  // Answered: the server's IP address, for its location.
  browser.webRequest.onResponseStarted.addListener(
    (d) => listener({ tabId: d.tabId, url: d.url, type: d.type, phase: 'answered', ...(d.ip && { ip: d.ip }) }),
    { urls: ['<all_urls>'] },
  );
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
 * Precomputed answers for the in-page badge, one per platform page domain, in storage.local: dataset facts and
 * the user's display settings only, nothing about browsing. The content script reads them directly, so the badge
 * does not wait for a (possibly sleeping) background.
 */
const BADGE_PREFIX = 'badge:';
export async function storeBadgeAnswers(answers: Record<string, unknown>): Promise<void> {
  const stale = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith(BADGE_PREFIX) && !(k.slice(BADGE_PREFIX.length) in answers));
  if (stale.length > 0) await browser.storage.local.remove(stale);
  await browser.storage.local.set(Object.fromEntries(Object.entries(answers).map(([domain, answer]) => [`${BADGE_PREFIX}${domain}`, answer])));
}

/** In a content script: the stored answer for the most specific of these domains, if any. */
export async function loadBadgeAnswer(domains: string[]): Promise<unknown> {
  const found = await browser.storage.local.get(domains.map((d) => `${BADGE_PREFIX}${d}`));
  for (const domain of domains) if (`${BADGE_PREFIX}${domain}` in found) return found[`${BADGE_PREFIX}${domain}`];
  return undefined;
}
