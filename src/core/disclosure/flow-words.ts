/**
 * What the popup and the Markdown summary both say about a flow, written once: its dates ("since September 2023",
 * "until March 2021") and which of its sources speaks for it in its own words.
 */
import type { Source } from '../dataset/schema.ts';
import type { Formatters } from '../format.ts';
import type { Translate } from '../i18n/plural.ts';

/** The flow's dates as the sources give them, each after a space; '' when none does. */
export function flowDates(role: { since?: string; until?: string }, t: Translate, f: Pick<Formatters, 'date'>): string {
  return `${role.since ? ` ${t('since', [f.date(role.since)])}` : ''}${role.until ? ` ${t('until', [f.date(role.until)])}` : ''}`;
}

/**
 * Each address once, as a reader sees the list: the data lists a source once per quoted sentence (one quote per
 * entry), so a policy quoted for two sentences would otherwise be linked twice. Primary if any entry says so.
 */
export const distinctSources = (sources: readonly Source[]): Source[] => {
  const byUrl = new Map<string, Source>();
  for (const s of sources) {
    const seen = byUrl.get(s.url);
    if (!seen) byUrl.set(s.url, s);
    else if (s.primary && !seen.primary) byUrl.set(s.url, { ...seen, primary: true });
  }
  return [...byUrl.values()];
};

/** The first source that carries its own words (the one a reader is shown and can check in one click). */
export const quotedSource = (sources: readonly Source[]): (Source & { quote: string }) | undefined =>
  sources.find((s): s is Source & { quote: string } => s.quote !== undefined && s.quote !== '');
