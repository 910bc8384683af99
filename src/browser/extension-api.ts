/**
 * The only module that touches the WebExtension API (through webextension-polyfill, so `browser.*` works the
 * same in Chrome and Firefox). Each function is named for what it does; browser differences live here.
 */
import browser from 'webextension-polyfill';
import type { Runtime, Tabs } from 'webextension-polyfill';

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
export function onTabNavigated(listener: (tabId: number, url: string | undefined) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') listener(tabId, tab.url);
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
