/**
 * Popup entry: reads the current tab (or `?tab=<id>`, used by tests), the settings and what the background saw the
 * tab's page send, all at once; decides the platform with the bundled host index; loads only that platform's slice
 * of the dataset (and those of the platforms the page sent data to); then renders once, complete, so nothing moves
 * after the first paint.
 */
import { render } from 'preact';
import { accessRequest } from '../core/disclosure/access-request.ts';
import { disclosureMarkdown } from '../core/disclosure/summary-markdown.ts';
import { ISSUE_TRACKER_NEW } from '../core/project.ts';
import { readSettings, updateSettings } from '../core/settings/settings.ts';
import { changeStoredSettings, formatLocale, loadPackagedJson, loadStoredSettings, message, openOptionsPage, requestAllSitesAccess, sendFromPage, tabUrl, uiLanguage } from '../browser/extension-api.ts';
import { buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { sliceFile, sliceSource, type PlatformSlice } from '../core/dataset/split.ts';
import { parseTabActivityReply, tabActivityRequest } from '../core/messaging/protocol.ts';
import type { ThirdParties } from './Popup.tsx';
import { createFormatters } from '../core/format.ts';
import { Popup } from './Popup.tsx';
import { popupContext, popupTarget, stateOf } from './popup-state.ts';
import hostIndex from 'virtual:residency-lens/host-index';
import common from 'virtual:residency-lens/common';

const loadSlice = (id: string) => loadPackagedJson(sliceFile(id)) as Promise<PlatformSlice>;

async function thirdParties(tabId: number | undefined): Promise<ThirdParties> {
  if (tabId === undefined) return { observing: false, platforms: [] };
  const reply = parseTabActivityReply(await sendFromPage(tabActivityRequest(tabId)).catch(() => undefined));
  if (!reply?.ok) return { observing: false, platforms: [] };
  const contacted = reply.activity?.platforms ?? [];
  const slices = await Promise.all(contacted.map((p) => loadSlice(p.platformId).catch(() => undefined)));
  return {
    observing: reply.observing,
    ...(reply.activity?.pageServerCountry && { pageServerCountry: reply.activity.pageServerCountry }),
    platforms: contacted.flatMap((p, i) => {
      const slice = slices[i];
      return slice ? [{ disclosure: buildDisclosure(sliceSource(slice), slice.platform), hosts: p.hosts, requests: p.requests, serverCountries: p.serverCountries }] : [];
    }),
  };
}

async function start(): Promise<void> {
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const tabRead = tabUrl(Number.isInteger(requested) ? requested : undefined);
  const contactedRead = tabRead.then((tab) => thirdParties(tab?.id));
  const [tab, stored] = await Promise.all([tabRead, loadStoredSettings()]);
  const settings = readSettings(stored);
  const target = popupTarget(hostIndex, settings, tab?.url);
  const [slice, contacted] = await Promise.all([target.kind === 'platform' ? loadSlice(target.platformId).catch(() => undefined) : undefined, contactedRead]);
  // The browser's language says where the user is (their region); the messages' language is what they read.
  const locale = uiLanguage();
  const display = formatLocale();
  const t = (key: string, subs?: string[]) => message(key, subs);
  const f = createFormatters(display);
  const context = popupContext(common, settings, locale, new Date().toISOString().slice(0, 10), ISSUE_TRACKER_NEW);
  document.documentElement.lang = display;
  render(
    <Popup
      state={stateOf(target, slice && sliceSource(slice), slice?.platform)}
      context={context}
      thirdParties={contacted}
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
}

void start();
