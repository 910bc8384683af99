/**
 * Background (service worker in Chrome, event page in Firefox): wiring only. Browser events go to the per-tab
 * state machine (tab-machine.ts), which says what each tab's toolbar shows; content scripts and extension pages
 * are answered by handle-message.ts and handle-page-message.ts; the in-page badge's scripts are registered to
 * match the settings. At start it parses only the host index (a few dozen bytes per platform); a platform's full
 * data is loaded when something needs it. Nothing is handled before the state saved by the previous run is back.
 */
import {
  allTabs,
  changeHistory,
  changeStoredSettings,
  dropLegacyBadgeAnswers,
  dropTabActivity,
  extensionId,
  extensionOrigin,
  hasAllSitesAccess,
  loadAllTabActivity,
  loadPackagedJson,
  loadStoredSettings,
  message,
  onContentMessage,
  onInstalledOrStarted,
  onPermissionsChanged,
  onRequestObserved,
  onStoredSettingsChanged,
  onTabClosed,
  onTabNavigated,
  onTabReplaced,
  readOwnFile,
  saveTabActivity,
  setAllSitesScript,
  setToolbarBadge,
  setToolbarPopup,
  syncRegisteredScripts,
  tabUrl,
  formatLocale,
  messagesFolder,
  uiLanguage,
} from '../browser/extension-api.ts';
import { BADGE_SCRIPT_PREFIX, BADGE_SCRIPTS_FILE, badgeRegistrations, type BadgeScriptsFile } from '../core/content-data.ts';
import { HOST_INDEX_FILE, sliceFile, type HostIndex, type IndexedPlatform, type PlatformSlice } from '../core/dataset/split.ts';
import { decodeIpCountryTable, IP_COUNTRY_FILE } from '../core/ip-country/format.ts';
import { createIpCountryLookup, type IpCountryLookup } from '../core/ip-country/lookup.ts';
import { pageMatch } from '../core/lookup.ts';
import { platformPopupPage, POPUP_PAGE } from '../core/popup-pages.ts';
import { readHistory, recordVisit } from '../core/settings/history.ts';
import { effectiveRegion, readSettings, updateSettings, type Settings } from '../core/settings/settings.ts';
import badgeApiScript from '../content/badge-api.ts?script';
import badgeScript from '../content/in-page-badge.ts?script';
import linkMarkersScript from '../content/links.ts?script';
import { createAnswerer, framedSummaryOf, pageOf, unframedSummaryOf, type Answerer } from './answerer.ts';
import { handleContentMessage } from './handle-message.ts';
import { handlePageMessage, isExtensionPage } from './handle-page-message.ts';
import { createTabMachine, type ToolbarView } from './tab-machine.ts';
import { toolbarBadge } from './toolbar-badge.ts';

// The browser's language says where the user is (their region); the messages' language is what they read.
const locale = uiLanguage();
// The host index (every platform host, each platform's name and countries) is data, read from the extension's own
// file once per start rather than compiled into this code: the code stays the same size as the dataset grows. The
// tab machine starts only once it is read (see `restored` below), so everything it calls has `answerer` set.
const answererLoaded: Promise<Answerer> = loadPackagedJson(HOST_INDEX_FILE).then((index) =>
  createAnswerer(index as HostIndex, async (id) => (await loadPackagedJson(sliceFile(id))) as PlatformSlice, locale, message, formatLocale()),
);
let answerer!: Answerer;

// The stored settings, read once per start and replaced on every change.
let settings: Settings | undefined;
const settingsLoaded = loadStoredSettings().then((stored) => (settings ??= readSettings(stored)));
const currentSettings = async () => settings ?? (await settingsLoaded);

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
/** The look-up if the table is decoded already; otherwise undefined, and the table starts loading for the question to come. */
let ipCountryNow: IpCountryLookup | undefined;
function serverCountryNow(): IpCountryLookup | undefined {
  if (ipCountryNow === undefined) void loadIpCountry().then((lookup) => lookup !== noCountry && (ipCountryNow = lookup));
  return ipCountryNow;
}

/**
 * The toolbar, framed by the one framing function: the platform on screen is framed from its slice (loaded on
 * demand, kept for a while). Renders for a tab are applied in order: an older one that finishes late is dropped.
 */
const renders = new Map<number, number>();
function renderToolbar(tabId: number, view: ToolbarView<IndexedPlatform>): void {
  const s = settings!; // the machine handles nothing before the settings are read (see `restored` below)
  const { region } = effectiveRegion(s, locale);
  const turn = (renders.get(tabId) ?? 0) + 1;
  renders.set(tabId, turn);
  const page = view.page && s.enabled ? view.page : null;
  const framed = page ? framedSummaryOf(answerer, page, region).catch(() => unframedSummaryOf(page)) : Promise.resolve(null);
  void framed.then((summary) => {
    if (renders.get(tabId) !== turn) return;
    void setToolbarBadge(tabId, toolbarBadge(summary, s.toolbarBadge, message, answerer.formatters(), s.enabled ? view.contacted.map((p) => p.name) : []));
    // A platform's own popup page has its heading in its HTML (shown switched off too, with the same heading).
    void setToolbarPopup(tabId, view.page ? platformPopupPage(view.page.id) : POPUP_PAGE);
  });
}

const today = () => new Date().toISOString().slice(0, 10);
function recordVisitIfAsked(platformId: string): void {
  if (!settings?.history) return;
  const days = settings.historyDays;
  void changeHistory((stored) => recordVisit(readHistory(stored, today(), days), platformId, today(), days)).catch(() => undefined);
}

// storage.session keeps each tab's state across restarts of the background; writes are coalesced per tab.
const pendingSaves = new Map<number, ReturnType<typeof setTimeout>>();
function saveSoon(tabId: number, saved: unknown): void {
  clearTimeout(pendingSaves.get(tabId));
  pendingSaves.delete(tabId);
  if (saved === undefined) {
    void dropTabActivity(tabId);
    return;
  }
  pendingSaves.set(
    tabId,
    setTimeout(() => {
      pendingSaves.delete(tabId);
      void saveTabActivity(tabId, saved);
    }, 300),
  );
}

const machine = createTabMachine<IndexedPlatform>({
  pageOf: (url) => pageOf(answerer, url)?.platform,
  hostOf: (host) => {
    const index = answerer.lookup.lookupHost(host);
    return index === undefined ? undefined : answerer.index.platforms[index];
  },
  byId: (id) => answerer.byId(id),
  showToolbar: renderToolbar,
  visited: recordVisitIfAsked,
  save: saveSoon,
});
// Every event below waits in the machine until this has run: the settings, the saved tab state and the host index come first.
void Promise.all([settingsLoaded, loadAllTabActivity().catch(() => []), answererLoaded]).then(([, saved, loaded]) => {
  answerer = loaded;
  machine.dispatch({ type: 'restored', tabs: saved });
});

onTabNavigated((tabId, url) => machine.dispatch({ type: 'committed', tabId, url }));
onRequestObserved((request) => machine.dispatch({ type: 'request', ...request }));
onTabClosed((tabId) => {
  renders.delete(tabId);
  machine.dispatch({ type: 'closed', tabId });
});
onTabReplaced((added, removed) => {
  machine.dispatch({ type: 'closed', tabId: removed });
  void tabUrl(added).then((tab) => tab && machine.dispatch({ type: 'committed', tabId: added, url: tab.url }));
});

let observingAllSites = hasAllSitesAccess().catch(() => false);
onPermissionsChanged(() => {
  observingAllSites = hasAllSitesAccess().catch(() => false);
  void syncLinkMarkers();
});

/** Link markers run on every site only while the user wants them and has granted access to all sites. */
async function syncLinkMarkers(): Promise<void> {
  const s = await currentSettings();
  const on = s.enabled && s.linkMarkers && (await observingAllSites);
  await setAllSitesScript('link-markers', linkMarkersScript, on).catch(() => undefined);
}

/**
 * The in-page badge's registered scripts, to match the settings: one registration per group of platform hosts,
 * with the content script after the group's data (see `badgeRegistrations`).
 * One sync at a time; a change that comes meanwhile is applied by one more run.
 */
let badgeSync: Promise<void> = Promise.resolve();
let badgeSyncWanted = false;
function syncBadgeScripts(): Promise<void> {
  if (badgeSyncWanted) return badgeSync;
  badgeSyncWanted = true;
  badgeSync = badgeSync.then(async () => {
    badgeSyncWanted = false;
    const s = await currentSettings();
    const { groups, locales, defaultLocale } = (await loadPackagedJson(BADGE_SCRIPTS_FILE)) as BadgeScriptsFile;
    // The badge's texts in the locale the browser actually took the extension's messages from.
    const folder = messagesFolder();
    const display = {
      on: s.enabled && s.inPageBadge,
      region: effectiveRegion(s, locale).region,
      corner: s.badgeCorner,
      locale: locales.includes(folder) ? folder : defaultLocale,
      hidden: s.siteExceptions,
    };
    await syncRegisteredScripts(BADGE_SCRIPT_PREFIX, badgeRegistrations(groups, display, { badge: badgeScript, api: badgeApiScript }));
  }).catch(() => undefined);
  return badgeSync;
}

onStoredSettingsChanged((value) => {
  settings = readSettings(value);
  machine.dispatch({ type: 'refresh' });
  void syncBadgeScripts();
  void syncLinkMarkers();
});

onContentMessage(async (msg, sender) => {
  if (isExtensionPage(sender, extensionId(), extensionOrigin())) {
    await machine.whenReady();
    const enabled = (await currentSettings()).enabled;
    return handlePageMessage(msg, sender, extensionId(), extensionOrigin(), {
      activity: machine.activity,
      observing: await observingAllSites,
      pageOf: (url) => pageMatch(answerer.index, url, answerer.lookup),
      slice: (id) => (enabled ? answerer.slice(id) : undefined),
      serverCountryNow,
      serverCountry: loadIpCountry,
    });
  }
  const handled = await handleContentMessage(msg, sender, extensionId(), await answererLoaded, await currentSettings()).catch(() => ({ reply: { ok: false, error: 'internal' } as const, dismiss: undefined }));
  const key = handled.dismiss;
  if (key !== undefined) {
    // From what is stored at this moment: two tabs hiding the badge at once, or an option changed meanwhile, lose nothing.
    await changeStoredSettings((stored) => {
      const current = readSettings(stored);
      return updateSettings(current, { siteExceptions: [...new Set([...current.siteExceptions, key])] });
    });
  }
  return handled.reply;
});

onInstalledOrStarted(() => {
  void dropLegacyBadgeAnswers().catch(() => undefined);
  void syncBadgeScripts();
  void syncLinkMarkers();
  // Tabs open before the extension was (re)started: show what is on screen in each.
  void allTabs().then((tabs) => tabs.forEach((tab) => machine.dispatch({ type: 'committed', tabId: tab.id, url: tab.url })));
});
