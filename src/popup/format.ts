/** Numbers, amounts, dates and country names in the user's locale, through Intl only. */
export type Formatters = {
  country(code: string): string;
  amount(amount: number, currency: string): string;
  date(iso: string): string;
};

export function createFormatters(locale: string): Formatters {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return {
    country: (code) => regions.of(code) ?? code,
    amount: (amount, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, notation: amount >= 1e6 ? 'compact' : 'standard', maximumFractionDigits: amount >= 1e6 ? 1 : 0 }).format(amount),
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (m === undefined) return String(y);
      const value = new Date(Date.UTC(y!, m - 1, d ?? 1));
      return d === undefined ? months.format(value) : dates.format(value);
    },
  };
}
