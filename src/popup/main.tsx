/**
 * Popup entry: reads the current tab (or `?tab=<id>`, used by tests) and the settings; asks the background, in one
 * message, what it already holds in memory about the tab: the platform of its URL (so the popup bundles no host
 * index, and stays as light at ten times the dataset), that platform's slice of the dataset, and the platforms the
 * page sent data to. Then it renders, complete. The servers' countries need the IP table, which the background may
 * still have to read and decode: when they are not in the first answer, their lines are kept free at first paint and
 * filled when the second answer comes, so nothing moves.
 */
import { render } from 'preact';
import { accessRequest } from '../core/disclosure/access-request.ts';
import { disclosureMarkdown } from '../core/disclosure/summary-markdown.ts';
import { ISSUE_TRACKER_NEW } from '../core/project.ts';
import { readSettings, updateSettings } from '../core/settings/settings.ts';
import { changeStoredSettings, formatLocale, loadPackagedJson, loadStoredSettings, message, openOptionsPage, requestAllSitesAccess, sendFromPage, tabUrl, uiLanguage } from '../browser/extension-api.ts';
import { buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { sliceFile, sliceSource, withRegimes, type PlatformSlice } from '../core/dataset/split.ts';
import { parseServerCountriesReply, parseTabActivityReply, serverCountriesRequest, tabActivityRequest, type PageMatch, type TabActivityReply } from '../core/messaging/protocol.ts';
import type { ThirdParties } from './Popup.tsx';
import { createFormatters } from '../core/format.ts';
import { Popup } from './Popup.tsx';
import { popupContext, popupTarget, stateOf } from './popup-state.ts';
import common from 'virtual:residency-lens/common';

const loadSlice = (id: string) => loadPackagedJson(sliceFile(id)) as Promise<PlatformSlice>;

type Answer = Extract<TabActivityReply, { ok: true }>;

/** Only if the background did not answer: the same look-up over the host index, loaded for this case alone. */
async function matchHere(url: string): Promise<PageMatch> {
  const [{ pageMatch }, { default: hostIndex }] = await Promise.all([import('../core/lookup.ts'), import('virtual:residency-lens/host-index')]);
  return pageMatch(hostIndex, url);
}

/** The platforms the page sent data to, each with its disclosure (their slices read here, in parallel). */
async function thirdParties(answer: Answer | undefined): Promise<ThirdParties> {
  if (!answer) return { observing: false, platforms: [] };
  const activity = answer.activity;
  const contacted = activity?.platforms ?? [];
  const slices = await Promise.all(contacted.map((p) => loadSlice(p.platformId).catch(() => undefined)));
  // While the countries are being looked up, every line that may show one is kept (see Popup.tsx); once looked up,
  // an address with no country in the IP data says so.
  const locating = activity?.located === false;
  const located = activity?.located === true;
  return {
    observing: answer.observing,
    ...(activity?.pageServerCountry && { pageServerCountry: activity.pageServerCountry }),
    ...(locating && activity.pageIp !== undefined && { pageServerLine: true }),
    ...(located && activity.pageIp !== undefined && !activity.pageServerCountry && { pageServerUnlocated: true }),
    platforms: contacted.flatMap((p, i) => {
      const slice = slices[i];
      if (!slice) return [];
      const addressed = p.ips.length > 0;
      return [{
        disclosure: buildDisclosure(sliceSource(slice), slice.platform),
        hosts: p.hosts,
        requests: p.requests,
        serverCountries: p.serverCountries,
        ...(locating && addressed && { serverLine: true }),
        ...(located && addressed && p.serverCountries.length === 0 && { unlocated: true }),
      }];
    }),
  };
}

/** The servers' countries, once the background has them: the same lines, now filled (or saying none was found). */
async function withCountries(tabId: number, tp: ThirdParties): Promise<ThirdParties | undefined> {
  const reply = parseServerCountriesReply(await sendFromPage(serverCountriesRequest(tabId)).catch(() => undefined));
  if (!reply?.ok) return undefined;
  const byId = new Map(reply.platforms.map((p) => [p.platformId, p.serverCountries]));
  return {
    ...tp,
    ...(reply.pageServerCountry && { pageServerCountry: reply.pageServerCountry }),
    ...(tp.pageServerLine && !reply.pageServerCountry && !tp.pageServerCountry && { pageServerUnlocated: true }),
    platforms: tp.platforms.map((p) => {
      const serverCountries = byId.get(p.disclosure.platform.id) ?? p.serverCountries;
      return { ...p, serverCountries, ...(p.serverLine && serverCountries.length === 0 && { unlocated: true }) };
    }),
  };
}

async function start(): Promise<void> {
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const storedRead = loadStoredSettings();
  const tab = await tabUrl(Number.isInteger(requested) ? requested : undefined);
  const reply = tab ? parseTabActivityReply(await sendFromPage(tabActivityRequest(tab.id, tab.url)).catch(() => undefined)) : undefined;
  const answer = reply?.ok ? reply : undefined;
  const page = tab?.url === undefined ? undefined : (answer?.page ?? (await matchHere(tab.url)));
  const settings = readSettings(await storedRead);
  const target = popupTarget(page, settings);
  // The background relays the slice from its memory (its regimes are the common part's); read it here only if it
  // could not.
  const sliceRead = target.kind !== 'platform' ? undefined : answer?.slice?.platform.id === target.platformId ? withRegimes(answer.slice, common.regimes) : loadSlice(target.platformId).catch(() => undefined);
  const [slice, contacted] = await Promise.all([sliceRead, thirdParties(answer)]);
  // The browser's language says where the user is (their region); the messages' language is what they read.
  const locale = uiLanguage();
  const display = formatLocale();
  const t = (key: string, subs?: string[]) => message(key, subs);
  const f = createFormatters(display);
  const context = popupContext(common, settings, locale, new Date().toISOString().slice(0, 10), ISSUE_TRACKER_NEW);
  const state = stateOf(target, slice && sliceSource(slice), slice?.platform);
  document.documentElement.lang = display;
  const draw = (tp: ThirdParties, foldedLater = false) =>
    render(
      <Popup
        state={state}
        foldedLater={foldedLater}
        context={context}
        thirdParties={tp}
        t={t}
        f={f}
        actions={{
          copy: async (text) => {
            await navigator.clipboard.writeText(text);
            document.getElementById('status')!.textContent = t('copied');
          },
          // The summary opens as the popup does (headline, counts) and ends with what the reader can do.
          summaryMarkdown: (d) => disclosureMarkdown(d, context, t, f),
          accessRequest: (d) => accessRequest(d, context.region, t),
          openOptions: () => void openOptionsPage(),
          grantAllSites: () => void requestAllSitesAccess().then(() => location.reload()),
          enable: () => void changeStoredSettings((current) => updateSettings(readSettings(current), { enabled: true })).then(() => location.reload()),
        }}
      />,
      document.getElementById('app')!,
    );
  // First what is on screen; the folded sections' contents once that is painted (a frame, then a task), or after
  // a tenth of a second where no frame comes (a page that is not visible gets none).
  draw(contacted, true);
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
  draw(contacted);
  if (tab && answer?.activity?.located === false) {
    const located = await withCountries(tab.id, contacted);
    if (located) draw(located);
  }
}

void start();
