/** Popup entry: reads the current tab (or `?tab=<id>`, used by tests) and the settings, then renders once. */
import { render } from 'preact';
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { accessRequest } from '../core/disclosure/access-request.ts';
import { disclosureMarkdown } from '../core/disclosure/summary-markdown.ts';
import { ISSUE_TRACKER_NEW } from '../core/project.ts';
import { readSettings, updateSettings } from '../core/settings/settings.ts';
import datasetJson from '../generated/dataset.json';
import { formatLocale, loadStoredSettings, message, openOptionsPage, requestAllSitesAccess, sendFromPage, storeSettings, tabUrl, uiLanguage } from '../browser/extension-api.ts';
import { buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { parseTabActivityReply, tabActivityRequest } from '../core/messaging/protocol.ts';
import type { ThirdParties } from './Popup.tsx';
import { createFormatters } from '../core/format.ts';
import { Popup } from './Popup.tsx';
import { popupContext, popupState } from './popup-state.ts';

const dataset = datasetJson as unknown as CompiledDataset;

async function thirdParties(tabId: number | undefined): Promise<ThirdParties> {
  if (tabId === undefined) return { observing: false, platforms: [] };
  const reply = parseTabActivityReply(await sendFromPage(tabActivityRequest(tabId)).catch(() => undefined));
  if (!reply?.ok) return { observing: false, platforms: [] };
  return {
    observing: reply.observing,
    ...(reply.activity?.pageServerCountry && { pageServerCountry: reply.activity.pageServerCountry }),
    platforms: (reply.activity?.platforms ?? []).flatMap((p) => {
      const platform = dataset.platforms.find((x) => x.id === p.platformId);
      return platform ? [{ disclosure: buildDisclosure(dataset, platform), hosts: p.hosts, requests: p.requests, serverCountries: p.serverCountries }] : [];
    }),
  };
}

async function start(): Promise<void> {
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const [tab, stored] = await Promise.all([tabUrl(Number.isInteger(requested) ? requested : undefined), loadStoredSettings()]);
  const settings = readSettings(stored);
  const contacted = await thirdParties(tab?.id);
  // The browser's language says where the user is (their region); the messages' language is what they read.
  const locale = uiLanguage();
  const display = formatLocale();
  const t = (key: string, subs?: string[]) => message(key, subs);
  const f = createFormatters(display);
  const context = popupContext(dataset, settings, locale, new Date().toISOString().slice(0, 10), ISSUE_TRACKER_NEW);
  document.documentElement.lang = display;
  render(
    <Popup
      state={popupState(dataset, settings, tab?.url)}
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
        enable: () => void storeSettings(updateSettings(settings, { enabled: true })).then(() => location.reload()),
      }}
    />,
    document.getElementById('app')!,
  );
}

void start();
