/**
 * Background (service worker in Chrome, event page in Firefox). It holds no state of its own: the dataset is
 * bundled, and everything it shows is derived from a tab's URL, so a restart loses nothing.
 */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import datasetJson from '../generated/dataset.json';
import {
  allTabs,
  extensionId,
  message,
  onContentMessage,
  onInstalledOrStarted,
  onTabNavigated,
  setToolbarBadge,
  uiLanguage,
} from '../browser/extension-api.ts';
import { createAnswerer, summaryForUrl } from './answerer.ts';
import { handleContentMessage } from './handle-message.ts';
import { toolbarBadge } from './toolbar-badge.ts';

const answerer = createAnswerer(datasetJson as unknown as CompiledDataset);
const regionNames = new Intl.DisplayNames([uiLanguage()], { type: 'region' });
const countryName = (code: string) => regionNames.of(code) ?? code;

function updateToolbar(tabId: number, url: string | undefined): Promise<void> {
  const summary = url === undefined ? null : summaryForUrl(answerer, url);
  return setToolbarBadge(tabId, toolbarBadge(summary, message, countryName));
}

onContentMessage((msg, sender) => {
  const { reply, tab } = handleContentMessage(msg, sender, extensionId(), answerer);
  if (tab) void updateToolbar(tab.tabId, tab.url);
  return reply;
});

// A tab's URL is visible only on platform hosts (the host permissions); elsewhere it is undefined and the badge
// is cleared, which is right: no platform there.
onTabNavigated((tabId, url) => void updateToolbar(tabId, url));

async function refreshAllTabs(): Promise<void> {
  for (const tab of await allTabs()) await updateToolbar(tab.id, tab.url);
}
onInstalledOrStarted(() => void refreshAllTabs());
