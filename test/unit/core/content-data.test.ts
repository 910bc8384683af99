/**
 * What the in-page badge's registered files hand the content script: read back only when well-formed; the texts
 * filled as the browser's i18n fills them; the messages' locale picked as the browsers pick it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_MESSAGES, badgeTexts, CONTENT_GLOBAL, fillMessage, messagesLocale, readContentData } from '../../../src/core/content-data.ts';

const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const table = { hosts: { keys: { 'tiktok.com': 0 }, stops: [] }, platforms: [{ id: 'tiktok', name: 'TikTok', countries: ['IE'], actions: 1, flagged: { eu: [] } }] };
const text = badgeTexts(messages('en'), 'en', ['IE', 'CN']);

describe('content data', () => {
  it('reads what the registered files set, and nothing malformed', () => {
    const good = { [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table, text } };
    expect(readContentData(good)).toEqual({ region: 'eu', corner: 'top-left', table, text });
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
    expect(readContentData({ [CONTENT_GLOBAL]: { region: 'eu', corner: 'top-left', table, text: { messages: {} } } })).toEqual({ region: 'eu', corner: 'top-left', table });
  });

  it('makes the texts of every locale from its messages, with country names in that language', () => {
    for (const locale of ['en', 'de', 'fr']) {
      const t = badgeTexts(messages(locale), locale, ['IE', 'CN']);
      for (const key of BADGE_MESSAGES) expect(t.messages[key], `${locale} ${key}`).toBe(messages(locale)[key]!.message);
    }
    expect(badgeTexts(messages('de'), 'de', ['IE']).countries.IE).toBe('Irland');
    expect(badgeTexts(messages('fr'), 'fr', ['IE']).countries.IE).toBe('Irlande');
  });

  it('fills substitutions as browser.i18n.getMessage does', () => {
    expect(fillMessage('$1: data may go to $2', ['TikTok', 'Ireland, China'])).toBe('TikTok: data may go to Ireland, China');
    expect(fillMessage('costs $$5 for $1', ['x'])).toBe('costs $5 for x');
    expect(fillMessage('$3 missing', ['a'])).toBe(' missing');
  });

  it('picks the messages\' locale as the browsers do', () => {
    const shipped = ['de', 'en', 'fr', 'pt_BR'];
    expect(messagesLocale('de-AT', shipped, 'en')).toBe('de');
    expect(messagesLocale('de', shipped, 'en')).toBe('de');
    expect(messagesLocale('pt-BR', shipped, 'en')).toBe('pt_BR');
    expect(messagesLocale('pt-PT', shipped, 'en')).toBe('en');
    expect(messagesLocale('es-ES', shipped, 'en')).toBe('en');
    expect(messagesLocale('fr_CA', shipped, 'en')).toBe('fr');
  });
});
