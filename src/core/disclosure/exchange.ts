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

export type FineTotal = {
  /** the total in the display currency, converted at the reference rate (absent when nothing needed converting) */
  converted?: { amount: number; currency: string; date: string; source: ExchangeRates['source'] };
  /** totals shown as decided: all of them when none needed converting, else those without a reference rate */
  asDecided: Array<{ amount: number; currency: string }>;
};

/**
 * The fines' total in the display currency: as decided when they are all in it; otherwise every currency with a
 * reference rate converted and summed (with the ones already in the display currency), and the others as decided.
 */
export function fineTotal(totals: Array<{ amount: number; currency: string }>, display: string, rates: ExchangeRates | undefined): FineTotal {
  if (rates === undefined || totals.every((x) => x.currency === display)) return { asDecided: totals };
  let amount = 0;
  const asDecided: FineTotal['asDecided'] = [];
  for (const total of totals) {
    const value = total.currency === display ? total.amount : convert(total.amount, total.currency, display, rates)?.amount;
    if (value === undefined) asDecided.push(total);
    else amount += value;
  }
  if (asDecided.length === totals.length) return { asDecided };
  return { converted: { amount, currency: display, date: rates.date, source: rates.source }, asDecided };
}
