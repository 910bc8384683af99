/**
 * What the in-page badge's registered files hand the content script: read back only when well-formed; the texts
 * filled as the browser's i18n fills them; every _locales folder's language and direction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BADGE_MESSAGES, badgeTexts, CONTENT_GLOBAL, cornerScript, fillMessage, hideScript, readContentData, regionScript, tableScript, textScript } from '../../../src/core/content-data.ts';
import type { BadgeTable } from '../../../src/core/dataset/split.ts';
import { REGIONS, type Region } from '../../../src/core/settings/settings.ts';

const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const table: BadgeTable = { hosts: { keys: { 'tiktok.com': 0 }, stops: [] }, platforms: [{ id: 'tiktok', name: 'TikTok', countries: ['IE'], actions: 1, flagged: Object.fromEntries(REGIONS.map((r) => [r, [] as string[]])) as Record<Region, string[]> }] };
const text = badgeTexts(messages('en'), 'en', ['IE', 'CN']);

describe('content data', () => {
  it('reads what the registered files set, and nothing malformed', () => {
    const good = { [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table, text } };
    expect(readContentData(good)).toEqual({ region: 'eu', corner: 'top-left', table, text, hidden: new Set() });
    expect(readContentData({ [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table } })?.text).toBeUndefined();
    for (const bad of [
      undefined,
      {},
      { [CONTENT_GLOBAL]: 5 },
      { [CONTENT_GLOBAL]: { region: 'eu', corner: 'middle', table } },
      { [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table: { hosts: 'garbage', platforms: 5 } } },
      { [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table: { ...table, hosts: { keys: { 'tiktok.com': 3 }, stops: [] } } } },
    ]) {
      expect(readContentData(bad)).toBeUndefined();
    }
    // A malformed texts file costs the texts only (the badge then asks the browser's i18n).
    expect(readContentData({ [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table, text: { messages: {} } } })).toEqual({ region: 'eu', corner: 'top-left', table, hidden: new Set() });
  });

  it('reads back what the built files set when run in order, the hosts where the badge is hidden included', () => {
    // A global of its own, as the content scripts' world is.
    const global = createContext({});
    const files = [regionScript('eu'), cornerScript('top-left'), textScript(text), hideScript('tiktok.com'), hideScript('mail.google.com'), tableScript(table)];
    for (const file of files) runInContext(file, global);
    expect(readContentData(global)).toEqual({ region: 'eu', corner: 'top-left', table, text, hidden: new Set(['tiktok.com', 'mail.google.com']) });
  });

  it('makes the texts of every locale from its messages, with country names in that language', () => {
    for (const locale of readdirSync(join(import.meta.dirname, '../../../src/_locales'))) {
      const t = badgeTexts(messages(locale), locale, ['IE', 'CN']);
      for (const key of BADGE_MESSAGES) expect(t.messages[key], `${locale} ${key}`).toBe(messages(locale)[key]!.message);
    }
    expect(badgeTexts(messages('de'), 'de', ['IE']).countries.IE).toBe('Irland');
    expect(badgeTexts(messages('fr'), 'fr', ['IE']).countries.IE).toBe('Irlande');
  });

  it('fills substitutions as browser.i18n.getMessage does, named placeholders too', () => {
    const named = { badgeLabel: { message: '$Platform$ → $WHERE$', placeholders: { platform: { content: '$1' }, where: { content: '$2' } } } };
    expect(fillMessage(badgeTexts({ ...messages('en'), ...named }, 'en', []).messages.badgeLabel, ['TikTok', 'Ireland'])).toBe('TikTok → Ireland');
    expect(fillMessage('$1: data may go to $2', ['TikTok', 'Ireland, China'])).toBe('TikTok: data may go to Ireland, China');
    expect(fillMessage('costs $$5 for $1', ['x'])).toBe('costs $5 for x');
    expect(fillMessage('$3 missing', ['a'])).toBe(' missing');
  });

  it('writes each locale\'s language and direction, for any folder name', () => {
    expect(badgeTexts(messages('en'), 'en', []).lang).toBe('en');
    expect(badgeTexts(messages('en'), 'en', []).dir).toBe('ltr');
    // Folders translators may add: a region in the name, a right-to-left script.
    expect(badgeTexts(messages('en'), 'pt_BR', ['DE'])).toMatchObject({ lang: 'pt-BR', dir: 'ltr', countries: { DE: 'Alemanha' } });
    expect(badgeTexts(messages('en'), 'ar', []).dir).toBe('rtl');
    expect(badgeTexts(messages('en'), 'he', []).dir).toBe('rtl');
  });
});
