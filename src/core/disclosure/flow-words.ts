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

/** The first source that carries its own words (the one a reader is shown and can check in one click). */
export const quotedSource = (sources: readonly Source[]): (Source & { quote: string }) | undefined =>
  sources.find((s): s is Source & { quote: string } => s.quote !== undefined && s.quote !== '');
