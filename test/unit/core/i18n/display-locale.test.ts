/** The formatting locale follows the messages the browser picked, never a browser language we have no messages for. */
import { describe, expect, it } from 'vitest';
import { displayLocale, localeTag } from '../../../../src/core/i18n/display-locale.ts';
import { counted } from '../../../../src/core/i18n/plural.ts';
import { createFormatters } from '../../../../src/core/format.ts';

describe('displayLocale', () => {
  it.each([
    // A browser language without messages: the messages' locale (the default, English).
    ['es', 'en', 'en'],
    ['pt-BR', 'en', 'en'],
    ['ja', 'en', 'en'],
    // A regional form of the messages' language keeps its regional formats.
    ['en-GB', 'en', 'en-GB'],
    ['de-AT', 'de', 'de-AT'],
    ['de-CH', 'de', 'de-CH'],
    ['fr-CA', 'fr', 'fr-CA'],
    ['de', 'de', 'de'],
    // Messages for a region: only that region's UI keeps its tag; folder names use underscores.
    ['pt-PT', 'pt_BR', 'pt-BR'],
    ['pt-BR', 'pt_BR', 'pt-BR'],
    // Same language, other script: the messages' script wins.
    ['sr-Latn', 'sr', 'sr'],
    ['not a locale', 'fr', 'fr'],
  ])('UI %s with messages in %s formats in %s', (ui, messages, expected) => {
    expect(displayLocale(ui, messages)).toBe(expected);
  });

  it('reads folder names as BCP 47 tags', () => {
    expect(localeTag('pt_BR')).toBe('pt-BR');
    expect(localeTag('zh_Hant_TW')).toBe('zh-Hant-TW');
  });
});

describe('counted', () => {
  const messages: Record<string, string> = { n_one: '$1 action ($2)', n_other: '$1 actions ($2)', m_other: '$1 things' };
  const t = (key: string, subs: string[] = []) => (messages[key] ?? '').replace(/\$([1-9])/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  it('picks the variant for the count in the locale and fills $1 with the formatted count', () => {
    const en = createFormatters('en');
    expect(counted(t, en, 'n', 1, ['x'])).toBe('1 action (x)');
    expect(counted(t, en, 'n', 0, ['x'])).toBe('0 actions (x)');
    expect(counted(t, en, 'n', 1234, ['x'])).toBe('1,234 actions (x)');
    // French: 0 and 1 are singular.
    expect(createFormatters('fr').plural(0)).toBe('one');
  });
  it('falls back to the "other" variant when a category has no message', () => {
    expect(counted(t, createFormatters('en'), 'm', 1)).toBe('1 things');
  });
});
