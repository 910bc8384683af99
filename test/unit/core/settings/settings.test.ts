/** Settings read from whatever storage holds, field by field; the opt-in history; region from the browser language. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, historyCsv, readHistory, recordVisit, type HistoryEntry } from '../../../../src/core/settings/history.ts';
import {
  badgeAllowedOn,
  countryFromLocale,
  DEFAULT_SETTINGS,
  effectiveRegion,
  readSettings,
  regionFromCountry,
  SETTINGS_VERSION,
  updateSettings,
  type Settings,
} from '../../../../src/core/settings/settings.ts';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('readSettings', () => {
  it('has the documented defaults', () => {
    // toMatchObject: fields added later (with their own defaults) do not break this.
    expect(DEFAULT_SETTINGS).toMatchObject({
      version: SETTINGS_VERSION,
      enabled: true,
      region: null,
      country: null,
      inPageBadge: true,
      badgeCorner: 'bottom-right',
      siteExceptions: [],
      toolbarBadge: 'count',
      currency: 'auto',
      recentYears: 5,
      history: false,
      historyDays: 30,
    });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an array', [1, 2, 3]],
    ['a string', 'garbage'],
    ['a number', 42],
    ['a boolean', true],
    ['a function', () => 1],
    ['an empty object', {}],
    ['an object of garbage', { foo: 'bar', enabled: 'yes', region: {}, siteExceptions: 'tiktok.com' }],
  ])('gives the defaults for %s', (_, stored) => {
    expect(readSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('returns a fresh object each time: changing one result does not change the defaults', () => {
    const a = readSettings(undefined);
    a.siteExceptions.push('example.com');
    a.enabled = false;
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.siteExceptions).toEqual([]);
  });

  it('migrates an unversioned (version 0) object and keeps its valid fields', () => {
    const stored = { enabled: false, region: 'uk', siteExceptions: ['tiktok.com'], recentYears: 3, history: true };
    expect(readSettings(stored)).toEqual(settings({ enabled: false, region: 'uk', siteExceptions: ['tiktok.com'], recentYears: 3, history: true }));
    expect(readSettings({ ...stored, version: 0 })).toEqual(readSettings(stored));
  });

  it('does not change the object it was given', () => {
    const stored = { region: 'uk' };
    readSettings(stored);
    expect(stored).toEqual({ region: 'uk' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['region', { region: 42 }],
    ['recentYears', { recentYears: 'x' }],
    ['siteExceptions', { siteExceptions: [1, 2] }],
    ['country', { country: 'gb' }],
    ['badgeCorner', { badgeCorner: 'middle' }],
    ['currency', { currency: 'BTC' }],
    ['historyDays', { historyDays: 31 }],
    ['recentYears', { recentYears: 2.5 }],
    ['enabled', { enabled: 'false' }],
  ])('a malformed %s falls back to its default without touching the other fields', (field, bad) => {
    const good = {
      ...DEFAULT_SETTINGS,
      version: 1,
      enabled: false,
      region: 'us',
      country: 'US',
      inPageBadge: false,
      badgeCorner: 'top-left',
      siteExceptions: ['tiktok.com', 'm.facebook.com'],
      toolbarBadge: 'code',
      currency: 'CHF',
      recentYears: 10,
      history: true,
      historyDays: 14,
    };
    const read = readSettings({ ...good, ...bad });
    expect(read).toEqual({ ...good, [field]: DEFAULT_SETTINGS[field as keyof Settings] });
  });

  it('rejects a site exception list with one invalid host as a whole, and an overlong list', () => {
    expect(readSettings({ siteExceptions: ['tiktok.com', 'Bad Host'] }).siteExceptions).toEqual([]);
    expect(readSettings({ siteExceptions: Array.from({ length: 501 }, (_, i) => `s${i}.example`) }).siteExceptions).toEqual([]);
    expect(readSettings({ siteExceptions: Array.from({ length: 500 }, (_, i) => `s${i}.example`) }).siteExceptions).toHaveLength(500);
  });

  it('keeps the fields it understands from a newer version, and drops the rest', () => {
    const read = readSettings({ version: 7, region: 'ch', recentYears: 2, newFeature: { on: true }, currency: 'SEK' });
    expect(read).toEqual(settings({ region: 'ch', recentYears: 2, currency: 'SEK' }));
    expect(read.version).toBe(SETTINGS_VERSION);
    expect('newFeature' in read).toBe(false);
  });

  it('treats a non-integer version as unversioned', () => {
    expect(readSettings({ version: '1', region: 'uk' })).toEqual(settings({ region: 'uk' }));
    expect(readSettings({ version: 0.5, region: 'uk' })).toEqual(settings({ region: 'uk' }));
  });

  it('never throws and is idempotent on anything (property)', () => {
    const field = fc.oneof(
      fc.anything(),
      fc.constantFrom(null, true, false, 0, 1, 5, 30, 31, -1, 2.5, 'eu', 'uk', 'us', 'GB', 'DE', 'top-left', 'code', 'GBP'),
      fc.array(fc.oneof(fc.domain(), fc.string(), fc.integer()), { maxLength: 5 }),
    );
    const stored = fc.oneof(
      fc.anything(),
      fc.record(
        {
          version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.anything()),
          enabled: field,
          region: field,
          country: field,
          inPageBadge: field,
          badgeCorner: field,
          siteExceptions: field,
          toolbarBadge: field,
          currency: field,
          recentYears: field,
          history: field,
          historyDays: field,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(stored, (value) => {
        const once = readSettings(value);
        expect(readSettings(once)).toEqual(once);
        expect(readSettings(structuredClone(once))).toEqual(once);
        expect(Object.keys(once).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
        expect(once.version).toBe(SETTINGS_VERSION);
      }),
      { numRuns: 5000 },
    );
  }, 60_000);
});

describe('updateSettings', () => {
  it('applies a valid change', () => {
    expect(updateSettings(DEFAULT_SETTINGS, { region: 'uk' })).toEqual(settings({ region: 'uk' }));
    expect(updateSettings(settings({ region: 'uk' }), { region: null }).region).toBeNull();
  });

  it('reads the result back through the schema: an out-of-range value falls back to its default', () => {
    const current = settings({ recentYears: 10, historyDays: 14 });
    expect(updateSettings(current, { recentYears: 0 })).toEqual(settings({ recentYears: 5, historyDays: 14 }));
    expect(updateSettings(current, { recentYears: 31 }).recentYears).toBe(5);
    expect(updateSettings(current, { historyDays: Number.NaN }).historyDays).toBe(30);
    expect(updateSettings(current, { recentYears: 30 }).recentYears).toBe(30);
    expect(updateSettings(current, { historyDays: 1 }).historyDays).toBe(1);
  });

  it('cannot change the version', () => {
    expect(updateSettings(DEFAULT_SETTINGS, { version: 99 as unknown as 1 }).version).toBe(SETTINGS_VERSION);
  });

  it('does not modify the current settings', () => {
    const current = settings({ siteExceptions: ['tiktok.com'] });
    updateSettings(current, { siteExceptions: [] });
    expect(current.siteExceptions).toEqual(['tiktok.com']);
  });
});

describe('effectiveRegion', () => {
  it.each([
    ['en-GB', 'uk', 'GB'],
    ['de-AT', 'eu', 'AT'],
    ['fr-CH', 'ch', 'CH'],
    ['en-US', 'us', 'US'],
    ['ja-JP', 'jp', 'JP'],
    ['de', 'eu', 'DE'],
    ['fr', 'eu', 'FR'],
    ['en', 'us', 'US'],
    ['nb-NO', 'eu', 'NO'],
  ])('from the browser language %s: %s (%s)', (locale, region, country) => {
    expect(effectiveRegion(DEFAULT_SETTINGS, locale)).toEqual({ region, country });
  });

  it('a chosen region or country wins over the language', () => {
    expect(effectiveRegion(settings({ region: 'eu' }), 'en-GB')).toEqual({ region: 'eu', country: 'GB' });
    expect(effectiveRegion(settings({ country: 'DE' }), 'en-GB')).toEqual({ region: 'eu', country: 'DE' });
    expect(effectiveRegion(settings({ region: 'other', country: 'FR' }), 'en-US')).toEqual({ region: 'other', country: 'FR' });
  });

  it('survives a malformed language tag', () => {
    expect(countryFromLocale('not a locale!')).toBeNull();
    expect(effectiveRegion(DEFAULT_SETTINGS, 'not a locale!')).toEqual({ region: 'other', country: null });
  });

  it('maps countries to regions', () => {
    expect(['GB', 'JE', 'IE', 'IS', 'LI', 'CH', 'US', 'CA', 'BR', 'JP', 'KR', 'IN', 'AU', 'CN', 'HK', 'SG'].map(regionFromCountry)).toEqual([
      'uk', 'uk', 'eu', 'eu', 'eu', 'ch', 'us', 'ca', 'br', 'jp', 'kr', 'in', 'au', 'cn', 'other', 'other',
    ]);
    expect(regionFromCountry(null)).toBe('other');
  });
});

describe('badgeAllowedOn', () => {
  const s = settings({ siteExceptions: ['tiktok.com', 'm.facebook.com'] });

  it('hides the badge on an excepted site and all its subdomains', () => {
    expect(badgeAllowedOn(s, 'tiktok.com')).toBe(false);
    expect(badgeAllowedOn(s, 'www.tiktok.com')).toBe(false);
    expect(badgeAllowedOn(s, 'a.b.tiktok.com')).toBe(false);
    expect(badgeAllowedOn(s, 'm.facebook.com')).toBe(false);
    expect(badgeAllowedOn(s, 'x.m.facebook.com')).toBe(false);
  });

  it('shows it elsewhere, including look-alikes and parents of an exception', () => {
    expect(badgeAllowedOn(s, 'nottiktok.com')).toBe(true);
    expect(badgeAllowedOn(s, 'tiktok.com.evil.example')).toBe(true);
    expect(badgeAllowedOn(s, 'facebook.com')).toBe(true);
    expect(badgeAllowedOn(s, 'www.facebook.com')).toBe(true);
  });

  it('hides it everywhere when switched off or when the in-page badge is off', () => {
    expect(badgeAllowedOn(settings({ enabled: false }), 'www.youtube.com')).toBe(false);
    expect(badgeAllowedOn(settings({ inPageBadge: false }), 'www.youtube.com')).toBe(false);
    expect(badgeAllowedOn(DEFAULT_SETTINGS, 'www.youtube.com')).toBe(true);
  });
});

describe('history', () => {
  const TODAY = '2026-01-15';

  it('addDays crosses months and years', () => {
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays(TODAY, 0)).toBe(TODAY);
  });

  it('readHistory keeps the retention window and drops older, future and malformed entries', () => {
    const stored: unknown[] = [
      { day: '2026-01-08', platformId: 'tiktok', visits: 1 }, // 8 days ago: out of a 7-day window
      { day: '2026-01-09', platformId: 'tiktok', visits: 2 }, // oldest day kept
      { day: '2026-01-15', platformId: 'facebook', visits: 4 },
      { day: '2026-01-16', platformId: 'tiktok', visits: 1 }, // the future
      { day: '2026-1-10', platformId: 'tiktok', visits: 1 },
      { day: '2026-01-10', platformId: 'TikTok', visits: 1 },
      { day: '2026-01-10', platformId: 'tiktok', visits: 0 },
      { day: '2026-01-10', platformId: 'tiktok', visits: 1.5 },
      { day: '2026-01-10', platformId: 'tiktok' },
      null,
      'tiktok',
      42,
    ];
    expect(readHistory(stored, TODAY, 7)).toEqual([
      { day: '2026-01-09', platformId: 'tiktok', visits: 2 },
      { day: '2026-01-15', platformId: 'facebook', visits: 4 },
    ]);
    expect(readHistory(stored, TODAY, 1)).toEqual([{ day: '2026-01-15', platformId: 'facebook', visits: 4 }]);
  });

  it('readHistory gives nothing for anything but an array', () => {
    for (const stored of [undefined, null, {}, 'x', 1]) expect(readHistory(stored, TODAY, 30)).toEqual([]);
  });

  it('readHistory strips unknown fields (only day, platform and count are kept)', () => {
    expect(readHistory([{ day: TODAY, platformId: 'tiktok', visits: 1, url: 'https://www.tiktok.com/@me' }], TODAY, 30)).toEqual([
      { day: TODAY, platformId: 'tiktok', visits: 1 },
    ]);
  });

  it('recordVisit adds a day, then increments it, and drops what fell out of the window', () => {
    let history: HistoryEntry[] = [{ day: '2026-01-01', platformId: 'tiktok', visits: 9 }];
    history = recordVisit(history, 'tiktok', TODAY, 7);
    expect(history).toEqual([{ day: TODAY, platformId: 'tiktok', visits: 1 }]);
    history = recordVisit(history, 'tiktok', TODAY, 7);
    history = recordVisit(history, 'facebook', TODAY, 7);
    history = recordVisit(history, 'tiktok', TODAY, 7);
    expect(history).toEqual([
      { day: TODAY, platformId: 'tiktok', visits: 3 },
      { day: TODAY, platformId: 'facebook', visits: 1 },
    ]);
    expect(recordVisit(history, 'tiktok', '2026-01-16', 7)).toEqual([...history, { day: '2026-01-16', platformId: 'tiktok', visits: 1 }]);
  });

  it('historyCsv writes a header and one row per entry', () => {
    const history: HistoryEntry[] = [
      { day: '2026-01-14', platformId: 'tiktok', visits: 3 },
      { day: '2026-01-15', platformId: 'unknown-platform', visits: 1 },
    ];
    const destinations = (id: string) => (id === 'tiktok' ? ['IE', 'CN', 'US'] : []);
    expect(historyCsv(history, destinations)).toBe('day,platform,visits,destinations\n2026-01-14,tiktok,3,IE CN US\n2026-01-15,unknown-platform,1,\n');
    expect(historyCsv([], destinations)).toBe('day,platform,visits,destinations\n');
  });
});
