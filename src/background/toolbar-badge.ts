/** What the toolbar icon shows for a tab: the number of destination countries, red when some lack EU adequacy. */
import type { BadgeSummary } from '../core/messaging/protocol.ts';

export type ToolbarBadge = { text: string; color: string; title: string };

export const BADGE_COLOR_NO_ADEQUACY = '#b3261e';
export const BADGE_COLOR = '#1a5fb4';

export function toolbarBadge(
  summary: BadgeSummary | null,
  t: (key: string, substitutions?: string[]) => string,
  countryName: (code: string) => string,
): ToolbarBadge | null {
  if (summary === null || summary.countries.length === 0) return null;
  const countries = summary.countries.map(countryName).join(', ');
  const title =
    summary.withoutAdequacy.length > 0
      ? t('toolbarTitleNoAdequacy', [summary.name, countries, summary.withoutAdequacy.map(countryName).join(', ')])
      : t('toolbarTitle', [summary.name, countries]);
  return {
    text: String(summary.countries.length),
    color: summary.withoutAdequacy.length > 0 ? BADGE_COLOR_NO_ADEQUACY : BADGE_COLOR,
    title,
  };
}
