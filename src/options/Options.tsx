/**
 * The options page's view: settings in, changes out through `onChange`. It never calls the browser itself, so
 * tests render it from fixtures.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { counted } from '../core/i18n/plural.ts';
import type { HistoryEntry } from '../core/settings/history.ts';
import { BADGE_CORNERS, DISPLAY_CURRENCIES, REGIONS, TOOLBAR_STYLES, type Region, type Settings } from '../core/settings/settings.ts';
import type { Formatters } from '../core/format.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

export type OptionsProps = {
  settings: Settings;
  detected: { region: Region; country: string | null };
  countries: string[];
  history: HistoryEntry[];
  platformName(id: string): string;
  destinations(id: string): string[];
  today: string;
  t: Translate;
  f: Formatters;
  onChange(change: Partial<Settings>): void;
  onExport(format: 'json' | 'csv'): void;
  onClearHistory(): void;
  /** whether the user has granted access to all sites (third parties, link markers) */
  allSites: boolean;
  onAllSites(grant: boolean): void;
};

function HistoryChart({ history, today, days, f, t }: { history: HistoryEntry[]; today: string; days: number; f: Formatters; t: Translate }) {
  const series = Array.from({ length: days }, (_, i) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - (days - 1 - i));
    const day = date.toISOString().slice(0, 10);
    return { day, visits: history.filter((e) => e.day === day).reduce((n, e) => n + e.visits, 0) };
  });
  const max = Math.max(1, ...series.map((s) => s.visits));
  const width = 600;
  const bar = width / days;
  return (
    <svg class="chart" viewBox={`0 0 ${width} 110`} width="100%" role="img" aria-label={counted(t, f, 'historyChartLabel', days)}>
      {series.map((s, i) => (
        <rect key={s.day} x={i * bar + 1} y={95 - (85 * s.visits) / max} width={bar - 2} height={(85 * s.visits) / max}>
          <title>{`${f.date(s.day)}: ${f.number(s.visits)}`}</title>
        </rect>
      ))}
      <text x="0" y="108">{f.date(series[0]!.day)}</text>
      <text x={width} y="108" text-anchor="end">
        {f.date(today)}
      </text>
    </svg>
  );
}

/**
 * The sites where the badge is hidden. "Show again" removes the row with the focused button, so focus moves to the
 * row that takes its place (or the one before, or the "none" line): a keyboard user stays where they were.
 */
function SiteExceptions({ sites, t, onChange }: { sites: string[]; t: Translate; onChange: OptionsProps['onChange'] }) {
  const list = useRef<HTMLUListElement>(null);
  const none = useRef<HTMLParagraphElement>(null);
  const removed = useRef<number | null>(null);
  // A layout effect: focus moves as the row goes, before the next paint, never a frame later (when a quick key
  // press would land on the page instead).
  useLayoutEffect(() => {
    const index = removed.current;
    if (index === null) return;
    removed.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? none.current)?.focus();
  }, [sites]);
  return (
    <>
      {sites.length === 0 ? (
        <p class="help" ref={none} tabIndex={-1}>
          {t('optionsNoExceptions')}
        </p>
      ) : null}
      <ul ref={list}>
        {sites.map((site, i) => (
          <li key={site} class="inline">
            <span>{site}</span>
            <button
              type="button"
              onClick={() => {
                removed.current = i;
                onChange({ siteExceptions: sites.filter((x) => x !== site) });
              }}
              aria-label={t('optionsRemoveException', [site])}
            >
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * "Clear history" in two steps: the first press asks, with "Keep it" focused (a double click keeps the history);
 * Escape or "Keep it" cancels. Focus returns to "Clear history" afterwards.
 */
function ClearHistory({ t, onClear }: { t: Translate; onClear(): void }) {
  const [asking, setAsking] = useState(false);
  const clear = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // As for SiteExceptions: focus moves with the change, before the next paint.
  useLayoutEffect(() => {
    if (asking) keep.current?.focus();
    else if (wasAsking.current) clear.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={clear} onClick={() => setAsking(true)}>
        {t('historyClear')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="clear-question" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p id="clear-question">{t('historyClearConfirm')}</p>
      <button type="button" ref={keep} onClick={() => setAsking(false)}>
        {t('historyClearNo')}
      </button>
      <button
        type="button"
        class="danger"
        onClick={() => {
          onClear();
          setAsking(false);
        }}
      >
        {t('historyClearYes')}
      </button>
    </div>
  );
}

export function Options(p: OptionsProps) {
  const { settings: s, t, f, onChange } = p;
  const checkbox = (id: keyof Settings, label: string) => (
    <div class="inline">
      <input id={id} type="checkbox" checked={Boolean(s[id])} onChange={(e) => onChange({ [id]: e.currentTarget.checked })} />
      <label for={id}>{label}</label>
    </div>
  );
  /** A labelled select of one setting; `auto` (when given) stands for null, "decide for me". */
  const select = <K extends 'region' | 'country' | 'badgeCorner' | 'toolbarBadge' | 'currency'>(
    id: K,
    label: string,
    values: readonly string[],
    name: (value: string) => string,
    auto?: string,
  ) => (
    <>
      <label for={id}>{label}</label>
      <select
        id={id}
        aria-describedby={id === 'region' ? 'region-help' : undefined}
        value={(s[id] as string | null) ?? 'auto'}
        onChange={(e) => onChange({ [id]: auto !== undefined && e.currentTarget.value === 'auto' ? null : e.currentTarget.value } as Partial<Settings>)}
      >
        {auto !== undefined ? <option value="auto">{auto}</option> : null}
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <p class="help">{t('optionsIntro')}</p>

      <fieldset>
        <legend>{t('optionsRegion')}</legend>
        {select('region', t('optionsRegionLabel'), REGIONS, (r) => t(`regionName_${r}`), t('optionsAuto', [t(`regionName_${p.detected.region}`)]))}
        <p class="help" id="region-help">
          {t(`regime_${s.region ?? p.detected.region}_help`)}
        </p>
        <p class="help">{t('optionsRegionHelp')}</p>
        <details class="regions">
          <summary>{t('optionsRegionEach')}</summary>
          <ul class="help">
            {REGIONS.map((r) => (
              <li key={r} data-region={r}>
                {t(`regime_${r}_help`)}
              </li>
            ))}
          </ul>
        </details>
        {select('country', t('optionsCountry'), p.countries, f.country, t('optionsAuto', [p.detected.country ? f.country(p.detected.country) : '?']))}
      </fieldset>

      <fieldset>
        <legend>{t('optionsDisplay')}</legend>
        {checkbox('enabled', t('optionsEnabled'))}
        {checkbox('inPageBadge', t('optionsInPageBadge'))}
        {select('badgeCorner', t('optionsCorner'), BADGE_CORNERS, (c) => t(`corner_${c.replace('-', '_')}`))}
        {select('toolbarBadge', t('optionsToolbar'), TOOLBAR_STYLES, (c) => t(`toolbar_${c}`))}
        {select('currency', t('optionsCurrency'), DISPLAY_CURRENCIES, (c) => (c === 'auto' ? t('optionsCurrencyAuto') : c))}
        <label for="recentYears">{t('optionsRecentYears')}</label>
        <input id="recentYears" type="number" min={1} max={30} value={s.recentYears} onChange={(e) => onChange({ recentYears: Number(e.currentTarget.value) })} />
      </fieldset>

      <fieldset>
        <legend>{t('optionsAllSites')}</legend>
        <p class="help">{t('optionsAllSitesHelp')}</p>
        <p>
          <strong>{t(p.allSites ? 'optionsAllSitesOn' : 'optionsAllSitesOff')}</strong>{' '}
          <button type="button" onClick={() => p.onAllSites(!p.allSites)}>
            {t(p.allSites ? 'optionsAllSitesRevoke' : 'optionsAllSitesGrant')}
          </button>
        </p>
        {checkbox('linkMarkers', t('optionsLinkMarkers'))}
        <p class="help">{t('ipDataAttribution')}</p>
        {s.linkMarkers && !p.allSites ? <p class="help">{t('optionsLinkMarkersNeedAccess')}</p> : null}
      </fieldset>

      <fieldset>
        <legend>{t('optionsExceptions')}</legend>
        <SiteExceptions sites={s.siteExceptions} t={t} onChange={onChange} />
      </fieldset>

      <fieldset>
        <legend>{t('optionsHistory')}</legend>
        <p class="help">{t('optionsHistoryHelp')}</p>
        {checkbox('history', t('optionsHistoryOn'))}
        <label for="historyDays">{t('optionsHistoryDays')}</label>
        <input id="historyDays" type="number" min={1} max={30} value={s.historyDays} onChange={(e) => onChange({ historyDays: Number(e.currentTarget.value) })} />
        {p.history.length > 0 ? (
          <>
            <HistoryChart history={p.history} today={p.today} days={s.historyDays} f={f} t={t} />
            <table>
              <caption class="visually-hidden">{t('optionsHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('historyDay')}</th>
                  <th scope="col">{t('historyPlatform')}</th>
                  <th scope="col">{t('historyVisits')}</th>
                  <th scope="col">{t('historyDestinations')}</th>
                </tr>
              </thead>
              <tbody>
                {[...p.history].reverse().map((e) => (
                  <tr key={`${e.day}-${e.platformId}`}>
                    <td>{f.date(e.day)}</td>
                    <td>{p.platformName(e.platformId)}</td>
                    <td>{f.number(e.visits)}</td>
                    <td>{f.list(p.destinations(e.platformId).map(f.country))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p class="help">{t('historyEmpty')}</p>
        )}
        <div class="buttons">
          <button type="button" onClick={() => p.onExport('json')}>
            {t('historyExportJson')}
          </button>
          <button type="button" onClick={() => p.onExport('csv')}>
            {t('historyExportCsv')}
          </button>
          <ClearHistory t={t} onClear={p.onClearHistory} />
        </div>
      </fieldset>
    </>
  );
}
