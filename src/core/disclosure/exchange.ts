/** Display-only conversion of decided amounts, at a stated reference rate and date. Nothing converted is stored. */
export type ExchangeRates = { base: string; date: string; source: { url: string; publisher: string }; rates: Record<string, number> };

export type Converted = { amount: number; currency: string; rate: number; date: string; source: ExchangeRates['source'] };

export function convert(amount: number, from: string, to: string, rates: ExchangeRates | undefined): Converted | undefined {
  if (rates === undefined || from === to) return undefined;
  const perBase = (currency: string) => (currency === rates.base ? 1 : rates.rates[currency]);
  const fromRate = perBase(from);
  const toRate = perBase(to);
  if (fromRate === undefined || toRate === undefined) return undefined;
  const rate = toRate / fromRate;
  return { amount: amount * rate, currency: to, rate, date: rates.date, source: rates.source };
}

export type FineTotal =
  | { converted: false; totals: Array<{ amount: number; currency: string }> }
  | { converted: true; amount: number; currency: string; date: string; source: ExchangeRates['source']; totals: Array<{ amount: number; currency: string }> };

/**
 * The fines' total in the display currency: as decided when they are all in it; otherwise each currency's total
 * converted at the reference rate and summed. Without a rate for one of them, the totals stay as decided.
 */
export function fineTotal(totals: Array<{ amount: number; currency: string }>, display: string, rates: ExchangeRates | undefined): FineTotal {
  if (totals.every((x) => x.currency === display)) return { converted: false, totals };
  const converted = totals.map((x) => (x.currency === display ? { amount: x.amount } : convert(x.amount, x.currency, display, rates)));
  if (rates === undefined || converted.some((x) => x === undefined)) return { converted: false, totals };
  const amount = converted.reduce((sum, x) => sum + x!.amount, 0);
  return { converted: true, amount, currency: display, date: rates.date, source: rates.source, totals };
}
