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
