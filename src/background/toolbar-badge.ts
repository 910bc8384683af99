/**
 * What the toolbar icon shows for a tab. "count": the number of destination countries; "code": the first
 * destination the user's regime flags (else the first destination). Red when data may go where the regime
 * objects (no adequacy, a country of concern), blue otherwise; the tooltip says the same in the regime's words.
 */
import type { Formatters } from '../core/format.ts';
import { counted } from '../core/i18n/plural.ts';
import type { BadgeSummary } from '../core/messaging/protocol.ts';
import type { Settings } from '../core/settings/settings.ts';

export type ToolbarBadge = { text: string; color: string; title: string };

export const BADGE_COLOR_NO_ADEQUACY = '#b3261e';
export const BADGE_COLOR = '#0b57d0';

export function toolbarBadge(
  summary: BadgeSummary | null,
  style: Settings['toolbarBadge'],
  t: (key: string, substitutions?: string[]) => string,
  f: Pick<Formatters, 'country' | 'number' | 'plural'>,
  thirdParties: string[] = [],
): ToolbarBadge | null {
  const countryName = f.country;
  if ((summary === null || summary.countries.length === 0) && thirdParties.length > 0) {
    // Not a platform page, but it sent data to platforms: count them.
    return { text: style === 'off' ? '' : String(thirdParties.length), color: BADGE_COLOR, title: counted(t, f, 'toolbarTitleThirdParties', thirdParties.length, [thirdParties.join(', ')]) };
  }
  if (summary === null) return null;
  if (summary.countries.length === 0) {
    // A known platform whose data flows are not sourced yet: say so rather than show nothing.
    return { text: style === 'off' ? '' : '?', color: BADGE_COLOR, title: counted(t, f, 'toolbarTitleNoFlows', summary.actions, [summary.name]) };
  }
  const countries = summary.countries.map(countryName).join(', ');
  const lacking = summary.withoutAdequacy.length > 0;
  // The regime's note is the popup headline's own sentence about these destinations (framing.ts).
  const title = [t('toolbarTitle', [summary.name, countries]), summary.regimeNote ?? ''].filter((x) => x !== '').join('. ');
  const text = style === 'off' ? '' : style === 'code' ? (summary.withoutAdequacy[0] ?? summary.countries[0]!) : String(summary.countries.length);
  // A second sentence follows: close the first one (without a regime's note it ends with the country list).
  const also = thirdParties.length > 0 ? `${/[.!?。]$/u.test(title) ? '' : '.'} ${t('toolbarAlsoThirdParties', [thirdParties.join(', ')])}` : '';
  return { text, color: lacking ? BADGE_COLOR_NO_ADEQUACY : BADGE_COLOR, title: `${title}${also}` };
}
