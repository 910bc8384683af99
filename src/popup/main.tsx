/** Popup entry: reads the current tab (or `?tab=<id>`, used by tests) and the settings, then renders once. */
import { render } from 'preact';
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { accessRequest } from '../core/disclosure/access-request.ts';
import { disclosureMarkdown } from '../core/disclosure/summary-markdown.ts';
import { ISSUE_TRACKER_NEW } from '../core/project.ts';
import { readSettings, updateSettings } from '../core/settings/settings.ts';
import datasetJson from '../generated/dataset.json';
import { loadStoredSettings, message, openOptionsPage, storeSettings, tabUrl, uiLanguage } from '../browser/extension-api.ts';
import { createFormatters } from './format.ts';
import { Popup } from './Popup.tsx';
import { popupContext, popupState } from './popup-state.ts';

const dataset = datasetJson as unknown as CompiledDataset;

async function start(): Promise<void> {
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const [tab, stored] = await Promise.all([tabUrl(Number.isInteger(requested) ? requested : undefined), loadStoredSettings()]);
  const settings = readSettings(stored);
  const locale = uiLanguage();
  const t = (key: string, subs?: string[]) => message(key, subs);
  const f = createFormatters(locale);
  const context = popupContext(dataset, settings, locale, new Date().toISOString().slice(0, 10), ISSUE_TRACKER_NEW);
  document.documentElement.lang = locale;
  render(
    <Popup
      state={popupState(dataset, settings, tab?.url)}
      context={context}
      t={t}
      f={f}
      actions={{
        copy: async (text) => {
          await navigator.clipboard.writeText(text);
          document.getElementById('status')!.textContent = t('copied');
        },
        summaryMarkdown: (d) => disclosureMarkdown(d, t, f),
        accessRequest: (d) => accessRequest(d, context.region, t),
        openOptions: () => void openOptionsPage(),
        enable: () => void storeSettings(updateSettings(settings, { enabled: true })).then(() => location.reload()),
      }}
    />,
    document.getElementById('app')!,
  );
}

void start();
