/**
 * Messages with a count: one variant per plural category of the messages' locale (CLDR rules, through
 * Intl.PluralRules), named `<key>_<category>` in messages.json: "countActions_one" = "$1 action",
 * "countActions_other" = "$1 actions"; French adds "_many" where CLDR has it. $1 is the count, formatted.
 */
import type { Formatters } from '../format.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export function counted(t: Translate, f: Pick<Formatters, 'number' | 'plural'>, key: string, count: number, more: string[] = []): string {
  const substitutions = [f.number(count), ...more];
  // A browser whose plural data has a category the messages lack falls back to "other", never to nothing.
  return t(`${key}_${f.plural(count)}`, substitutions) || t(`${key}_other`, substitutions);
}
