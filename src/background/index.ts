/**
 * Background (service worker in Chrome, event page in Firefox). Everything it shows is derived from a tab's URL,
 * the bundled dataset and the stored settings, all re-read after a restart: it holds nothing that a restart loses.
 */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { recordVisit, readHistory } from '../core/settings/history.ts';
import { readSettings, updateSettings, type Settings } from '../core/settings/settings.ts';
import datasetJson from '../generated/dataset.json';
import {
  allTabs,
  extensionId,
  loadHistory,
  loadStoredSettings,
  message,
  onContentMessage,
  onInstalledOrStarted,
  onStoredSettingsChanged,
  onTabNavigated,
  setToolbarBadge,
  storeHistory,
  storeSettings,
  uiLanguage,
} from '../browser/extension-api.ts';
import { createAnswerer, summaryForUrl } from './answerer.ts';
import { handleContentMessage } from './handle-message.ts';
import { toolbarBadge } from './toolbar-badge.ts';

const answerer = createAnswerer(datasetJson as unknown as CompiledDataset, uiLanguage());
const regionNames = new Intl.DisplayNames([uiLanguage()], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;

// A read-through copy of the stored settings: rebuilt from storage after any restart, refreshed on change.
let settingsPromise: Promise<Settings> = loadStoredSettings().then(readSettings);
onStoredSettingsChanged((value) => {
  settingsPromise = Promise.resolve(readSettings(value));
  void refreshAllTabs();
});

async function updateToolbar(tabId: number, url: string | undefined): Promise<void> {
  const settings = await settingsPromise;
  const summary = url === undefined || !settings.enabled ? null : summaryForUrl(answerer, url, settings);
  await setToolbarBadge(tabId, toolbarBadge(summary, settings.toolbarBadge, message, countryName));
}

const today = () => new Date().toISOString().slice(0, 10);

async function remember(platformId: string, settings: Settings): Promise<void> {
  if (!settings.history) return;
  await storeHistory(recordVisit(readHistory(await loadHistory(), today(), settings.historyDays), platformId, today(), settings.historyDays));
}

onContentMessage(async (msg, sender) => {
  const settings = await settingsPromise;
  const handled = handleContentMessage(msg, sender, extensionId(), answerer, settings);
  if (handled.tab) void updateToolbar(handled.tab.tabId, handled.tab.url);
  if (handled.dismissSite) {
    await storeSettings(updateSettings(settings, { siteExceptions: [...new Set([...settings.siteExceptions, handled.dismissSite])] }));
  } else if (handled.reply.ok && handled.reply.summary && handled.request?.type === 'page-summary') {
    await remember(handled.reply.summary.platformId, settings);
  }
  return handled.reply;
});

// A tab's URL is visible only on platform hosts (the host permissions); elsewhere it is undefined and the badge
// is cleared, which is right: no platform there.
onTabNavigated((tabId, url) => void updateToolbar(tabId, url));

async function refreshAllTabs(): Promise<void> {
  for (const tab of await allTabs()) await updateToolbar(tab.id, tab.url);
}
onInstalledOrStarted(() => void refreshAllTabs());
