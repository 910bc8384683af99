/** Options entry: reads settings and history, renders, writes every change straight back to storage. */
import { render } from 'preact';
import { historyCsv, readHistory } from '../core/settings/history.ts';
import { countryFromLocale, effectiveRegion, readSettings, regionFromCountry, updateSettings, type Settings } from '../core/settings/settings.ts';
import {
  changeHistory,
  changeStoredSettings,
  formatLocale,
  hasAllSitesAccess,
  loadHistory,
  loadStoredSettings,
  message,
  removeAllSitesAccess,
  requestAllSitesAccess,
  uiLanguage,
} from '../browser/extension-api.ts';
import hostIndex from 'virtual:residency-lens/host-index';
import common from 'virtual:residency-lens/common';
import { createFormatters } from '../core/format.ts';
import { Options } from './Options.tsx';

// The browser's language says where the user is (their region); the messages' language is what they read.
const locale = uiLanguage();
const display = formatLocale();
const t = (key: string, subs?: string[]) => message(key, subs);
const f = createFormatters(display);
const today = () => new Date().toISOString().slice(0, 10);
// Countries whose data-protection authority is in the dataset, for the "your authority" link.
const countries = [...new Set(Object.values(common.authorities).filter((a) => a.kind === 'dpa' && a.country !== 'EU').map((a) => a.country))].sort((a, b) =>
  f.country(a).localeCompare(f.country(b), display),
);
const platforms = new Map(hostIndex.platforms.map((p) => [p.id, p]));
const destinations = (id: string) => platforms.get(id)?.countries ?? [];

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
      platformName={(id) => platforms.get(id)?.name ?? id}
      destinations={destinations}
      today={today()}
      t={t}
      f={f}
      onChange={(change) => {
        // Applied to what is stored at this moment, not to the settings this page read earlier: a badge hidden in
        // another tab meanwhile is kept.
        const apply = (stored: unknown) => {
          const current = readSettings(stored);
          // "Show again" hands the list without the host; another tab may have hidden the badge somewhere
          // meanwhile, so only the hosts the user removed here are removed.
          const removed = change.siteExceptions && settings.siteExceptions.filter((host) => !change.siteExceptions!.includes(host));
          return updateSettings(current, { ...change, ...(removed && { siteExceptions: current.siteExceptions.filter((host) => !removed.includes(host)) }) });
        };
        void changeStoredSettings(apply).then(async (next) => {
          // Turning history off, or shortening it, drops what is no longer allowed at once.
          await changeHistory((stored) => (next.history ? readHistory(stored, today(), next.historyDays) : undefined));
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
        void changeHistory(() => undefined).then(async () => {
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
