/**
 * Background (service worker in Chrome, event page in Firefox). Everything it shows is derived from a tab's URL,
 * the bundled dataset and the stored settings, all re-read after a restart: it holds nothing that a restart loses.
 */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { parsePageRequest, tabUpdatedNotice } from '../core/messaging/protocol.ts';
import { recordVisit, readHistory } from '../core/settings/history.ts';
import { readSettings, updateSettings, type Settings } from '../core/settings/settings.ts';
import datasetJson from '../generated/dataset.json';
import {
  allTabs,
  dropTabActivity,
  extensionId,
  extensionOrigin,
  hasAllSitesAccess,
  loadAllTabActivity,
  loadHistory,
  loadStoredSettings,
  message,
  notifyTab,
  onContentMessage,
  onInstalledOrStarted,
  onStoredSettingsChanged,
  onPermissionsChanged,
  onRequestObserved,
  onTabClosed,
  onTabNavigated,
  readOwnFile,
  saveTabActivity,
  setAllSitesScript,
  setToolbarBadge,
  storeBadgeAnswers,
  storeHistory,
  storeSettings,
  formatLocale,
  uiLanguage,
} from '../browser/extension-api.ts';
import { decodeIpCountryTable, IP_COUNTRY_FILE } from '../core/ip-country/format.ts';
import { createIpCountryLookup, type IpCountryLookup } from '../core/ip-country/lookup.ts';
import { createTabTracker, type TabActivity } from '../core/observer/third-parties.ts';
import { createAnswerer, summaryForUrl } from './answerer.ts';
import { handlePageMessage, isExtensionPage } from './handle-page-message.ts';
import { handleContentMessage } from './handle-message.ts';
import linkMarkersScript from '../content/links.ts?script';
import { toolbarBadge } from './toolbar-badge.ts';
import { pageDomains } from '../core/manifest/match-patterns.ts';
import { badgeAllowedOn } from '../core/settings/settings.ts';

// The browser's language says where the user is (their region); the messages' language is what they read.
const answerer = createAnswerer(datasetJson as unknown as CompiledDataset, uiLanguage(), message, formatLocale());

// A read-through copy of the stored settings: rebuilt from storage after any restart, refreshed on change.
let settingsPromise: Promise<Settings> = loadStoredSettings().then(readSettings);
onStoredSettingsChanged((value) => {
  settingsPromise = Promise.resolve(readSettings(value));
  void publishBadgeAnswers();
  void refreshAllTabs();
  void syncLinkMarkers();
});

// The server-location table (about 1 MB) is read from the extension's own file on first use, once per
// background start: most sessions never open a popup about a tab with server addresses.
let ipCountry: Promise<IpCountryLookup> | undefined;
const noCountry: IpCountryLookup = () => undefined;
function loadIpCountry(): Promise<IpCountryLookup> {
  ipCountry ??= readOwnFile(IP_COUNTRY_FILE).then((bytes) => createIpCountryLookup(decodeIpCountryTable(bytes)));
  // A failed read is not cached: the next question tries again.
  return ipCountry.catch(() => {
    ipCountry = undefined;
    return noCountry;
  });
}
/** The look-up for a page's question, loading the table only when the tab has server addresses to place. */
async function serverCountryFor(message: unknown): Promise<IpCountryLookup> {
  const request = parsePageRequest(message);
  const activity = request.ok ? tracker.activity(request.value.tabId) : undefined;
  const hasAddresses = activity !== undefined && (activity.pageIp !== undefined || activity.platforms.some((p) => p.ips.length > 0));
  return hasAddresses ? loadIpCountry() : noCountry;
}

// Third parties each page talks to, per tab. Restored from storage.session after a worker restart.
const tracker = createTabTracker((host) => answerer.lookup.lookupHost(host)?.id);
const restored = loadAllTabActivity().then((entries) => {
  for (const [tabId, activity] of entries) tracker.restore(tabId, activity as TabActivity);
});
let observingAllSites = hasAllSitesAccess().catch(() => false);
onPermissionsChanged(() => {
  observingAllSites = hasAllSitesAccess().catch(() => false);
  void syncLinkMarkers();
});

/** Link markers run on every site only while the user wants them and has granted access to all sites. */
async function syncLinkMarkers(): Promise<void> {
  const settings = await settingsPromise;
  const on = settings.enabled && settings.linkMarkers && (await observingAllSites);
  await setAllSitesScript('link-markers', linkMarkersScript, on).catch(() => undefined);
}

async function updateToolbar(tabId: number, url: string | undefined): Promise<void> {
  const settings = await settingsPromise;
  await restored;
  const activity = tracker.activity(tabId);
  const pageUrl = url ?? (activity ? `https://${activity.pageHost}/` : undefined);
  const summary = pageUrl === undefined || !settings.enabled ? null : summaryForUrl(answerer, pageUrl, settings);
  const contacted = (activity?.platforms ?? []).flatMap((p) => answerer.lookup.byId(p.platformId) ?? []);
  await setToolbarBadge(tabId, toolbarBadge(summary, settings.toolbarBadge, message, answerer.f, settings.enabled ? contacted.map((p) => p.name) : []));
}

const pendingSaves = new Map<number, ReturnType<typeof setTimeout>>();
function saveSoon(tabId: number): void {
  clearTimeout(pendingSaves.get(tabId));
  pendingSaves.set(
    tabId,
    setTimeout(() => {
      pendingSaves.delete(tabId);
      const activity = tracker.activity(tabId);
      if (activity) void saveTabActivity(tabId, activity);
    }, 300),
  );
}

onRequestObserved((request) => {
  if (tracker.observe(request)) {
    saveSoon(request.tabId);
    void updateToolbar(request.tabId, undefined).catch(() => undefined);
  } else if (request.type === 'main_frame' || request.phase === 'answered') saveSoon(request.tabId);
});
onTabClosed((tabId) => {
  tracker.remove(tabId);
  clearTimeout(pendingSaves.get(tabId));
  void dropTabActivity(tabId);
});

const today = () => new Date().toISOString().slice(0, 10);

async function remember(platformId: string, settings: Settings): Promise<void> {
  if (!settings.history) return;
  await storeHistory(recordVisit(readHistory(await loadHistory(), today(), settings.historyDays), platformId, today(), settings.historyDays));
}

onContentMessage(async (msg, sender) => {
  if (isExtensionPage(sender, extensionId(), extensionOrigin())) {
    await restored;
    return handlePageMessage(msg, sender, extensionId(), extensionOrigin(), tracker, await observingAllSites, await serverCountryFor(msg));
  }
  const settings = await settingsPromise;
  const handled = handleContentMessage(msg, sender, extensionId(), answerer, settings);
  if (handled.tab && handled.request?.type !== 'link-hosts') void updateToolbar(handled.tab.tabId, handled.tab.url);
  if (handled.dismissSite) {
    await storeSettings(updateSettings(settings, { siteExceptions: [...new Set([...settings.siteExceptions, handled.dismissSite])] }));
  } else if (handled.request?.type === 'page-summary' && handled.reply.ok && 'summary' in handled.reply && handled.reply.summary) {
    await remember(handled.reply.summary.platformId, settings);
  }
  return handled.reply;
});

// A tab's URL is visible only on platform hosts (the host permissions); elsewhere it is undefined and the badge
// is cleared, which is right: no platform there.
onTabNavigated((tabId, url, urlChanged) => {
  void updateToolbar(tabId, url);
  // A single-page app changed its URL without a page load: the content script re-asks about the new URL.
  if (urlChanged && url !== undefined) void notifyTab(tabId, tabUpdatedNotice());
});

async function refreshAllTabs(): Promise<void> {
  for (const tab of await allTabs()) await updateToolbar(tab.id, tab.url);
}
/** What the content script shows on each platform page domain, under the current settings (see storeBadgeAnswers). */
async function publishBadgeAnswers(): Promise<void> {
  const settings = await settingsPromise;
  const answers: Record<string, unknown> = {};
  for (const domain of pageDomains(answerer.dataset)) {
    const summary = settings.enabled ? summaryForUrl(answerer, `https://${domain}/`, settings) : null;
    answers[domain] = { ok: true, summary, showBadge: summary !== null && badgeAllowedOn(settings, domain), corner: settings.badgeCorner };
  }
  await storeBadgeAnswers(answers).catch(() => undefined);
}

onInstalledOrStarted(() => {
  void publishBadgeAnswers();
  void refreshAllTabs();
  void syncLinkMarkers();
});
