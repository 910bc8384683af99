/**
 * The counts line under the headline ("5 actions · 2 fines totalling €1.2B · ..."), shared by the popup and the
 * Markdown summary so the two never count differently. Facts, not a score.
 */
import type { Formatters } from '../format.ts';
import { counted, type Translate } from '../i18n/plural.ts';
import type { Disclosure } from './build-disclosure.ts';

export function countsLine(d: Disclosure, t: Translate, f: Pick<Formatters, 'number' | 'plural' | 'list' | 'amount'>): string {
  const c = d.counts;
  const parts = [counted(t, f, 'countActions', c.actions)];
  if (c.fines > 0) parts.push(counted(t, f, 'countFines', c.fines, [f.list(c.fineTotals.map((x) => f.amount(x.amount, x.currency)))]));
  if (c.transferFindings > 0) parts.push(t('countTransfers', [f.number(c.transferFindings)]));
  if (c.underAppeal > 0) parts.push(t('countAppealed', [f.number(c.underAppeal)]));
  if (c.statusUnknown > 0) parts.push(t('countStatusUnknown', [f.number(c.statusUnknown)]));
  return parts.join(' · ');
}
