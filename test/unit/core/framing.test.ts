/**
 * The legal frame of each region: what a destination is in each kind of regime, and the headline's plain sentence
 * for every combination of storage, remote access and processing, in every language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompiledRegime } from '../../../src/core/dataset/compile.ts';
import { buildDisclosure, type Disclosure } from '../../../src/core/disclosure/build-disclosure.ts';
import { fineTotal } from '../../../src/core/disclosure/exchange.ts';
import { flaggedIn, flowSentence, frame, verdictFor, withoutAdequacy } from '../../../src/core/disclosure/framing.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { REGIONS } from '../../../src/core/settings/settings.ts';
import { compileFixture, platform, source } from '../fixtures.ts';
import { realDataset } from '../helpers.ts';

type Messages = Record<string, { message: string }>;
function translator(locale: string): (key: string, subs?: string[]) => string {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales', locale, 'messages.json'), 'utf8')) as Messages;
  return (key, subs = []) => (messages[key]?.message ?? `<missing ${key}>`).replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? `<missing $${n}>`);
}
const t = translator('en');
const f = createFormatters('en');

const regime = (over: Partial<CompiledRegime>): CompiledRegime => ({
  id: 'ch',
  name: 'Test',
  home: ['CH'],
  frame: 'adequacy',
  rules: [],
  laws: [],
  rights: [],
  currency: 'CHF',
  reviewed: '2026-11-01',
  entries: {},
  ...over,
});
const list = (complete: boolean) => ({ name: 'A list', complete, checked: '2026-11-01', sources: [source()] });

describe('verdictFor', () => {
  it('in an adequacy regime: home, on the list, partly on it, and missing from a complete list (flagged)', () => {
    const r = regime({ list: list(true), entries: { DE: { status: 'adequate', sources: [] }, US: { status: 'partial', scope: 'certified', sources: [] } } });
    expect(verdictFor(r, 'CH')).toEqual({ status: 'home', flagged: false });
    expect(verdictFor(r, 'DE')).toMatchObject({ status: 'adequate', flagged: false });
    expect(verdictFor(r, 'US')).toMatchObject({ status: 'partial', flagged: false, entry: { scope: 'certified' } });
    expect(verdictFor(r, 'CN')).toEqual({ status: 'none', flagged: true });
  });

  it('a list verified only in part never flags a country it does not show', () => {
    const r = regime({ list: list(false), entries: { DE: { status: 'adequate', sources: [] } } });
    expect(verdictFor(r, 'DE').status).toBe('adequate');
    expect(verdictFor(r, 'CN')).toEqual({ status: 'unknown', flagged: false });
  });

  it('in a regime of concern: on the list flags, off it does not', () => {
    const r = regime({ id: 'us', home: ['US'], frame: 'concern', list: list(true), entries: { CN: { status: 'concern', sources: [] } } });
    expect(verdictFor(r, 'CN')).toMatchObject({ status: 'concern', flagged: true });
    expect(verdictFor(r, 'IE')).toEqual({ status: 'unlisted', flagged: false });
    expect(verdictFor(r, 'US')).toEqual({ status: 'home', flagged: false });
  });

  it('rules without a list, and no regime at all, flag nothing', () => {
    expect(verdictFor(regime({ id: 'ca', home: ['CA'], frame: 'rules' }), 'CN')).toEqual({ status: 'abroad', flagged: false });
    expect(verdictFor(regime({ id: 'other', home: [], frame: 'none' }), 'CN')).toEqual({ status: 'unframed', flagged: false });
    expect(verdictFor(undefined, 'CN')).toEqual({ status: 'unframed', flagged: false });
  });

  it('keeps the old name withoutAdequacy as the same function (the build compiles badge flags from it)', () => {
    expect(withoutAdequacy).toBe(flaggedIn);
  });
});

describe('the real regimes on TikTok', () => {
  const dataset = realDataset();
  const d = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === 'tiktok')!);
  const flagged = (region: (typeof REGIONS)[number]) => flaggedIn(d, region).map((x) => x.country);

  it('EU/EEA: China lacks an EU adequacy decision; Ireland and Norway are home', () => {
    expect(flagged('eu')).toContain('CN');
    expect(d.destinations.find((x) => x.country === 'IE')!.verdicts.eu.status).toBe('home');
    expect(d.destinations.find((x) => x.country === 'NO')!.verdicts.eu.status).toBe('home');
    expect(d.destinations.find((x) => x.country === 'US')!.verdicts.eu.status).toBe('partial');
  });

  it('US: China is a country of concern; the US itself is home, never "partial EU adequacy"', () => {
    expect(flagged('us')).toContain('CN');
    expect(flagged('us')).not.toContain('US');
    expect(d.destinations.find((x) => x.country === 'US')!.verdicts.us.status).toBe('home');
    const us = frame(d, 'us', t, f);
    expect(us.headline).toMatch(/On the US list of countries of concern .*China/);
    expect(us.headline).not.toMatch(/adequacy/i);
    expect(us.destinations.map((x) => x.label).join(' ')).not.toMatch(/adequacy/i);
  });

  it('Switzerland: Ireland and Norway on the Swiss list, the US only for certified companies, China not on it', () => {
    const v = (c: string) => d.destinations.find((x) => x.country === c)!.verdicts.ch;
    expect(v('IE').status).toBe('adequate');
    expect(v('NO').status).toBe('adequate');
    expect(v('US')).toMatchObject({ status: 'partial', entry: { since: '2024-09-15' } });
    expect(flagged('ch')).toContain('CN');
  });

  it('rules-only regimes (Canada, Australia, China) and elsewhere flag nothing', () => {
    for (const region of ['ca', 'au', 'cn', 'other'] as const) expect(flagged(region), region).toEqual([]);
  });

  it('each region speaks of its own regime and no other in the headline', () => {
    const notes = Object.fromEntries(REGIONS.map((r) => [r, frame(d, r, t, f).regimeNote]));
    expect(notes.other).toBe('');
    for (const region of REGIONS.filter((r) => r !== 'other')) {
      expect(notes[region], region).not.toBe('');
      const text = frame(d, region, t, f).headline;
      expect(text).toContain(notes[region]);
      for (const other of REGIONS.filter((r) => r !== region && r !== 'other')) expect(text, `${region} mentions ${other}`).not.toContain(notes[other]);
    }
  });
});

describe('the headline reads as a plain sentence for every combination of storage, remote access and processing', () => {
  const roles = ['storage', 'remote-access', 'processing'] as const;
  const combos = [[], ...[1, 2, 3, 4, 5, 6, 7].map((mask) => roles.filter((_, i) => mask & (1 << i)))];
  const COUNTRY: Record<(typeof roles)[number], string> = { storage: 'IE', 'remote-access': 'CN', processing: 'US' };
  const disclosureWith = (present: readonly (typeof roles)[number][]): Disclosure => {
    const p = platform('acme', [['acme.example', 'main']], { name: 'Acme', flows: present.map((role) => ({ country: COUNTRY[role], role, sources: [source()] })) });
    const dataset = compileFixture([p]);
    return buildDisclosure(dataset, dataset.platforms[0]!);
  };

  const EXPECTED_EN: Record<string, string> = {
    '': 'The dataset has no sourced facts yet about where Acme stores data.',
    // Country names after a colon: Intl's names have no article ("in United States" would not read).
    storage: 'Countries where Acme stores user data: Ireland.',
    'remote-access': 'Countries from which Acme user data can be accessed remotely: China.',
    processing: 'Countries where Acme processes user data: United States.',
    'storage,remote-access': 'Countries where Acme stores user data: Ireland. Countries it can be accessed from remotely: China.',
    'storage,processing': 'Countries where Acme stores user data: Ireland. Countries where it is processed: United States.',
    'remote-access,processing': 'Countries from which Acme user data can be accessed remotely: China. Countries where it is processed: United States.',
    'storage,remote-access,processing': 'Countries where Acme stores user data: Ireland. Countries where it is processed: United States. Countries it can be accessed from remotely: China.',
  };

  it.each(combos.map((c) => [c.join(',') || '(none)', c] as const))('en: %s', (name, present) => {
    expect(flowSentence(disclosureWith(present), t, f)).toBe(EXPECTED_EN[name === '(none)' ? '' : name]);
  });

  it('names a country where data is both stored and reached remotely in both lists, and not again as processed', () => {
    const p = platform('acme', [['acme.example', 'main']], {
      name: 'Acme',
      flows: [
        { country: 'IE', role: 'storage', sources: [source()] },
        { country: 'SG', role: 'storage', sources: [source()] },
        { country: 'SG', role: 'remote-access', sources: [source()] },
        { country: 'SG', role: 'processing', sources: [source()] },
        { country: 'CN', role: 'remote-access', sources: [source()] },
      ],
    });
    const dataset = compileFixture([p]);
    expect(flowSentence(buildDisclosure(dataset, dataset.platforms[0]!), t, f)).toBe(
      'Countries where Acme stores user data: Ireland and Singapore. Countries it can be accessed from remotely: Singapore and China.',
    );
  });

  it.each(readdirSync(join(import.meta.dirname, '../../../src/_locales')).sort())('%s: each sentence names the platform and every country once, with nothing left unfilled', (locale) => {
    const tl = translator(locale);
    const fl = createFormatters(locale.replaceAll('_', '-'));
    for (const present of combos) {
      const sentence = flowSentence(disclosureWith(present), tl, fl);
      expect(sentence, `${locale} ${present.join(',')}`).not.toMatch(/<missing|\$\d/);
      expect(sentence).toContain('Acme');
      expect(sentence).toMatch(/[.]$/);
      for (const role of present) expect(sentence.split(fl.country(COUNTRY[role])).length - 1, `${locale}: ${sentence}`).toBe(1);
      // No sentence starts without a subject ("It is also processed in ...").
      expect(sentence).not.toMatch(/^(It|Es|Elles?) /);
    }
  });
});

describe('fineTotal', () => {
  const rates = { base: 'EUR', date: '2026-05-08', source: { url: 'https://www.ecb.europa.eu/', publisher: 'ECB' }, rates: { USD: 1.2, GBP: 0.8 } };
  it('keeps amounts as decided when they are all in the display currency', () => {
    expect(fineTotal([{ amount: 10, currency: 'EUR' }], 'EUR', rates)).toEqual({ asDecided: [{ amount: 10, currency: 'EUR' }] });
  });
  it('converts and sums into the display currency at the stated rate', () => {
    const total = fineTotal([{ amount: 100, currency: 'EUR' }, { amount: 80, currency: 'GBP' }, { amount: 5, currency: 'USD' }], 'USD', rates);
    expect(total.converted).toMatchObject({ currency: 'USD', date: '2026-05-08' });
    expect(total.converted!.amount).toBeCloseTo(120 + 120 + 5);
    expect(total.asDecided).toEqual([]);
  });
  it('shows a currency without a reference rate as decided, next to the converted rest', () => {
    const total = fineTotal([{ amount: 100, currency: 'EUR' }, { amount: 7, currency: 'TRY' }], 'USD', rates);
    expect(total.converted!.amount).toBeCloseTo(120);
    expect(total.asDecided).toEqual([{ amount: 7, currency: 'TRY' }]);
    expect(fineTotal([{ amount: 100, currency: 'EUR' }], 'USD', undefined)).toEqual({ asDecided: [{ amount: 100, currency: 'EUR' }] });
  });
});
