/** Options entry: reads settings and history, renders, writes every change straight back to storage. */
import { render } from 'preact';
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { historyCsv, readHistory } from '../core/settings/history.ts';
import { countryFromLocale, effectiveRegion, readSettings, regionFromCountry, updateSettings, type Settings } from '../core/settings/settings.ts';
import datasetJson from '../generated/dataset.json';
import {
  clearHistory,
  formatLocale,
  hasAllSitesAccess,
  loadHistory,
  loadStoredSettings,
  message,
  removeAllSitesAccess,
  requestAllSitesAccess,
  storeHistory,
  storeSettings,
  uiLanguage,
} from '../browser/extension-api.ts';
import { createFormatters } from '../core/format.ts';
import { Options } from './Options.tsx';

const dataset = datasetJson as unknown as CompiledDataset;
// The browser's language says where the user is (their region); the messages' language is what they read.
const locale = uiLanguage();
const display = formatLocale();
const t = (key: string, subs?: string[]) => message(key, subs);
const f = createFormatters(display);
const today = () => new Date().toISOString().slice(0, 10);
// Countries whose data-protection authority is in the dataset, for the "your authority" link.
const countries = [...new Set(Object.values(dataset.authorities).filter((a) => a.kind === 'dpa' && a.country !== 'EU').map((a) => a.country))].sort((a, b) =>
  f.country(a).localeCompare(f.country(b), display),
);
const destinations = (id: string) => {
  const platform = dataset.platforms.find((p) => p.id === id);
  return platform ? buildDisclosure(dataset, platform).destinations.map((d) => d.country) : [];
};

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function draw(settings: Settings): Promise<void> {
  const history = settings.history ? readHistory(await loadHistory(), today(), settings.historyDays) : [];
  const detectedCountry = countryFromLocale(locale);
  const allSites = await hasAllSitesAccess().catch(() => false);
  document.documentElement.lang = display;
  render(
    <Options
      settings={settings}
      detected={{ region: settings.country ? effectiveRegion({ ...settings, region: null }, locale).region : regionFromCountry(detectedCountry), country: detectedCountry }}
      countries={countries}
      history={history}
      platformName={(id) => dataset.platforms.find((p) => p.id === id)?.name ?? id}
      destinations={destinations}
      today={today()}
      t={t}
      f={f}
      onChange={(change) => {
        const next = updateSettings(settings, change);
        void storeSettings(next).then(async () => {
          // Turning history off, or shortening it, drops what is no longer allowed at once.
          if (!next.history) await clearHistory();
          else await storeHistory(readHistory(await loadHistory(), today(), next.historyDays));
          document.getElementById('status')!.textContent = t('saved');
          await draw(next);
        });
      }}
      onExport={(format) => {
        const rows = history.map((e) => ({ ...e, destinations: destinations(e.platformId) }));
        if (format === 'json') download('residency-lens-history.json', 'application/json', `${JSON.stringify(rows, null, 2)}\n`);
        else download('residency-lens-history.csv', 'text/csv', historyCsv(history, destinations));
      }}
      onClearHistory={() =>
        void clearHistory().then(async () => {
          document.getElementById('status')!.textContent = t('historyCleared');
          await draw(settings);
        })
      }
      allSites={allSites}
      onAllSites={(grant) => {
        // The browser asks the user; this must run inside the click.
        void (grant ? requestAllSitesAccess() : removeAllSitesAccess()).catch(() => false).then(() => draw(settings));
      }}
    />,
    document.getElementById('app')!,
  );
}

void loadStoredSettings().then((stored) => draw(readSettings(stored)));
