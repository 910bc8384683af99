/**
 * The counts line under the headline ("5 actions · 2 fines totalling about €1.2B · ..."), shared by the popup and
 * the Markdown summary so the two never count differently. Counts take the plural of the messages' language; fine
 * totals are in the display currency (converted at the stated reference rate where the fines were decided in
 * another), the rest as decided. Facts, not a score.
 */
import type { ExchangeRates } from '../dataset/schema.ts';
import type { Formatters } from '../format.ts';
import { counted, type Translate } from '../i18n/plural.ts';
import type { Disclosure } from './build-disclosure.ts';
import { fineTotal } from './exchange.ts';

export type CountsContext = { currency: string; rates?: ExchangeRates };

export function countsLine(d: Disclosure, ctx: CountsContext, t: Translate, f: Pick<Formatters, 'number' | 'plural' | 'list' | 'amount'>): string {
  const c = d.counts;
  const parts = [counted(t, f, 'countActions', c.actions)];
  if (c.fines > 0) {
    const total = fineTotal(c.fineTotals, ctx.currency, ctx.rates);
    const amounts = [
      ...(total.converted ? [t('approximately', [f.amount(total.converted.amount, total.converted.currency)])] : []),
      ...total.asDecided.map((x) => f.amount(x.amount, x.currency)),
    ];
    parts.push(counted(t, f, 'countFines', c.fines, [f.list(amounts)]));
  }
  if (c.transferFindings > 0) parts.push(t('countTransfers', [f.number(c.transferFindings)]));
  if (c.underAppeal > 0) parts.push(t('countAppealed', [f.number(c.underAppeal)]));
  if (c.statusUnknown > 0) parts.push(t('countStatusUnknown', [f.number(c.statusUnknown)]));
  return parts.join(' · ');
}
