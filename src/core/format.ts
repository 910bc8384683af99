/**
 * Numbers, amounts, dates, lists, plurals and country names through Intl only, in one locale: the one the
 * surface's messages are in (see i18n/display-locale.ts), never the browser's when the two differ.
 */
export type Formatters = {
  country(code: string): string;
  amount(amount: number, currency: string): string;
  number(value: number): string;
  date(iso: string): string;
  list(items: string[]): string;
  /** the CLDR plural category of a count, for messages with a count (see i18n/plural.ts) */
  plural(count: number): Intl.LDMLPluralRule;
};

export function createFormatters(locale: string): Formatters {
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const plurals = new Intl.PluralRules(locale);
  return {
    country: (code) => regions.of(code) ?? code,
    // Large amounts in compact form ("€530M", "530 Mio. €"), as people read headlines; exact figures stay in sources.
    amount: (amount, currency) =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(amount >= 1e6 ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 } : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      }).format(amount),
    number: (value) => numbers.format(value),
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (m === undefined) return String(y);
      const value = new Date(Date.UTC(y!, m - 1, d ?? 1));
      return d === undefined ? months.format(value) : dates.format(value);
    },
    list: (items) => lists.format(items),
    plural: (count) => plurals.select(count),
  };
}
