// @vitest-environment happy-dom
/** The options page's view rendered from settings and a history fixture; every change goes out through a callback. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFormatters } from '../../../src/core/format.ts';
import type { HistoryEntry } from '../../../src/core/settings/history.ts';
import { DEFAULT_SETTINGS, REGIONS, type Settings } from '../../../src/core/settings/settings.ts';
import { Options, type OptionsProps } from '../../../src/options/Options.tsx';

type Messages = Record<string, { message: string }>;
const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Messages;
/** Chrome's getMessage for $1..$9 ($$ is a literal dollar; an unknown key gives ''). */
const t = (key: string, subs: string[] = []) =>
  messages[key]?.message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (subs[Number(token) - 1] ?? ''))) ?? '';
const f = createFormatters('en');

const TODAY = '2026-01-15';
const HISTORY: HistoryEntry[] = [
  { day: '2026-01-13', platformId: 'tiktok', visits: 3 },
  { day: '2026-01-14', platformId: 'facebook', visits: 1 },
  { day: '2026-01-15', platformId: 'tiktok', visits: 2 },
];
const NAMES: Record<string, string> = { tiktok: 'TikTok', facebook: 'Facebook' };
const DESTINATIONS: Record<string, string[]> = { tiktok: ['IE', 'CN', 'US'], facebook: ['IE', 'US'] };

function renderOptions(settings: Partial<Settings> = {}, history: HistoryEntry[] = HISTORY, extra: Partial<OptionsProps> = {}) {
  const props: OptionsProps = {
    settings: { ...DEFAULT_SETTINGS, history: true, historyDays: 7, ...settings },
    detected: { region: 'eu', country: 'IE' },
    countries: ['DE', 'FR', 'IE'],
    history,
    platformName: (id) => NAMES[id] ?? id,
    destinations: (id) => DESTINATIONS[id] ?? [],
    today: TODAY,
    t,
    f,
    onChange: vi.fn(),
    onExport: vi.fn(),
    onClearHistory: vi.fn(),
    allSites: false,
    onAllSites: vi.fn(),
    ...extra,
  };
  const view = render(<Options {...props} />);
  renderOptions.rerender = (next: OptionsProps) => view.rerender(<Options {...next} />);
  return { ...view, props };
}
renderOptions.rerender = (_: OptionsProps): void => undefined;

afterEach(() => cleanup());

describe('Options', () => {
  it('shows the detected region as the automatic choice and changes the region', () => {
    const { props } = renderOptions();
    const select = screen.getByLabelText('Legal setting used to frame the facts') as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "From your browser's language (EU / EEA)",
      'EU / EEA',
      'United Kingdom',
      'Switzerland',
      'United States',
      'Canada',
      'Brazil',
      'Japan',
      'South Korea',
      'India',
      'Australia',
      'China',
      'Elsewhere',
    ]);
    // The choice in effect is explained in one line, tied to the select; every choice has its line below.
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toMatch(/^EU\/EEA: the GDPR/);
    expect([...document.querySelectorAll('details.regions li')].map((li) => li.getAttribute('data-region'))).toEqual([...REGIONS]);
    for (const li of document.querySelectorAll('details.regions li')) expect(li.textContent!.length).toBeGreaterThan(20);
    select.value = 'uk';
    fireEvent.change(select);
    expect(props.onChange).toHaveBeenCalledWith({ region: 'uk' });
    select.value = 'auto';
    fireEvent.change(select);
    expect(props.onChange).toHaveBeenLastCalledWith({ region: null });
  });

  it('shows a chosen region as selected', () => {
    renderOptions({ region: 'us' });
    expect((screen.getByLabelText('Legal setting used to frame the facts') as HTMLSelectElement).value).toBe('us');
  });

  it('lists countries by name and changes the country', () => {
    const { props } = renderOptions();
    const select = screen.getByLabelText(/Your country/) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["From your browser's language (Ireland)", 'Germany', 'France', 'Ireland']);
    select.value = 'DE';
    fireEvent.change(select);
    expect(props.onChange).toHaveBeenCalledWith({ country: 'DE' });
  });

  it('toggles the history on and off', () => {
    const on = renderOptions({ history: true });
    const box = screen.getByLabelText('Keep a local history of the platforms I visit') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(on.props.onChange).toHaveBeenCalledWith({ history: false });
    cleanup();

    const off = renderOptions({ history: false });
    const box2 = screen.getByLabelText('Keep a local history of the platforms I visit') as HTMLInputElement;
    expect(box2.checked).toBe(false);
    fireEvent.click(box2);
    expect(off.props.onChange).toHaveBeenCalledWith({ history: true });
  });

  it('switches the extension off from its checkbox', () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByLabelText('Residency Lens is on'));
    expect(props.onChange).toHaveBeenCalledWith({ enabled: false });
  });

  it('removes one site exception and keeps the others', () => {
    const { props } = renderOptions({ siteExceptions: ['tiktok.com', 'facebook.com'] });
    expect(screen.queryByText(/None\. Hide the badge/)).toBeNull();
    expect(screen.getByText('tiktok.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the badge again on tiktok.com' }));
    expect(props.onChange).toHaveBeenCalledWith({ siteExceptions: ['facebook.com'] });
  });

  it('says when there are no exceptions', () => {
    renderOptions({ siteExceptions: [] });
    expect(screen.getByText('None. Hide the badge on a site with its × button.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show again' })).toBeNull();
  });

  it('export buttons call onExport with the format; clearing asks first, and only "Delete history" clears', () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(props.onExport).toHaveBeenLastCalledWith('json');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(props.onExport).toHaveBeenLastCalledWith('csv');
    expect(props.onExport).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(props.onClearHistory).not.toHaveBeenCalled();
    const question = screen.getByRole('group', { name: 'Delete the whole history? This cannot be undone.' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
    fireEvent.keyDown(question, { key: 'Escape' });
    expect(screen.queryByRole('group', { name: /Delete the whole history/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(props.onClearHistory).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete history' }));
    expect(props.onClearHistory).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear history' }));
  });

  it('after "Show again", focus moves to the next site, then the previous, then the "none" line', () => {
    const props = renderOptions({ siteExceptions: ['a.example', 'b.example', 'c.example'] }).props;
    const rerenderWith = (sites: string[]) => renderOptions.rerender({ ...props, settings: { ...props.settings, siteExceptions: sites } });
    screen.getByRole('button', { name: 'Show the badge again on b.example' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Show the badge again on b.example' }));
    rerenderWith(['a.example', 'c.example']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show the badge again on c.example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show the badge again on c.example' }));
    rerenderWith(['a.example']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show the badge again on a.example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show the badge again on a.example' }));
    rerenderWith([]);
    expect(document.activeElement).toBe(screen.getByText('None. Hide the badge on a site with its × button.'));
  });

  it('draws the history as a chart over the retention and a table, newest first', () => {
    const { container } = renderOptions({ historyDays: 7 });
    const chart = screen.getByRole('img', { name: 'Platform visits per day over the last 7 days' });
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars).toHaveLength(7);
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual([
      'January 9, 2026: 0',
      'January 10, 2026: 0',
      'January 11, 2026: 0',
      'January 12, 2026: 0',
      'January 13, 2026: 3',
      'January 14, 2026: 1',
      'January 15, 2026: 2',
    ]);
    // The tallest bar is the busiest day; empty days have no height.
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights.indexOf(Math.max(...heights))).toBe(4);
    expect(heights.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect([...chart.querySelectorAll('text')].map((x) => x.textContent)).toEqual(['January 9, 2026', 'January 15, 2026']);

    const rows = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['January 15, 2026', 'TikTok', '2', 'Ireland, China, and United States'],
      ['January 14, 2026', 'Facebook', '1', 'Ireland and United States'],
      ['January 13, 2026', 'TikTok', '3', 'Ireland, China, and United States'],
    ]);
    expect([...container.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Day', 'Platform', 'Visits', 'Where data may go']);
  });

  it('sums several platforms on one day in the chart', () => {
    renderOptions({ historyDays: 2 }, [
      { day: '2026-01-15', platformId: 'tiktok', visits: 2 },
      { day: '2026-01-15', platformId: 'facebook', visits: 5 },
    ]);
    const bars = [...screen.getByRole('img').querySelectorAll('rect')];
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toEqual(['January 14, 2026: 0', 'January 15, 2026: 7']);
  });

  it('without history: no chart, no table, says nothing is recorded', () => {
    const { container } = renderOptions({ history: false }, []);
    expect(screen.getByText('Nothing recorded.')).toBeTruthy();
    expect(container.querySelector('svg.chart')).toBeNull();
    expect(container.querySelector('table')).toBeNull();
  });

  it('changes the number fields and the display choices', () => {
    const { props } = renderOptions();
    const years = screen.getByLabelText('Decisions older than this many years are marked as old') as HTMLInputElement;
    expect(years.value).toBe('5');
    years.value = '3';
    fireEvent.change(years);
    expect(props.onChange).toHaveBeenCalledWith({ recentYears: 3 });

    const corner = screen.getByLabelText('Corner of the in-page badge') as HTMLSelectElement;
    corner.value = 'top-left';
    fireEvent.change(corner);
    expect(props.onChange).toHaveBeenCalledWith({ badgeCorner: 'top-left' });

    const currency = screen.getByLabelText('Currency for converted amounts') as HTMLSelectElement;
    currency.value = 'GBP';
    fireEvent.change(currency);
    expect(props.onChange).toHaveBeenCalledWith({ currency: 'GBP' });
  });

  it('grants or removes access to all sites through onAllSites', () => {
    const { props } = renderOptions({}, HISTORY, { allSites: false });
    expect(screen.getByText('Access to all sites: not granted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    expect(props.onAllSites).toHaveBeenCalledWith(true);
    cleanup();

    const granted = renderOptions({}, HISTORY, { allSites: true });
    expect(screen.getByText('Access to all sites: granted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove access' }));
    expect(granted.props.onAllSites).toHaveBeenCalledWith(false);
  });
});
