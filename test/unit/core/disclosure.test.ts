import { describe, expect, it } from 'vitest';
import { buildDisclosure } from '../../../src/core/disclosure/build-disclosure.ts';
import { platformBadge } from '../../../src/core/dataset/split.ts';
import { flowSentence } from '../../../src/core/disclosure/framing.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { compileFixture, platform, TIKTOK_LIKE } from '../fixtures.ts';

describe('buildDisclosure', () => {
  const other = platform('capcut', [['capcut.com', 'main']], { name: 'CapCut' });
  const tiktok = structuredClone(TIKTOK_LIKE);
  tiktok.actions[1]!.alsoConcerns = ['capcut'];
  const dataset = compileFixture([tiktok, other]);
  const d = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === 'tiktok')!);

  it('names the responsible companies and the lead authority', () => {
    expect(d.operator?.name).toBe('TikTok Technology Limited');
    expect(d.parent).toMatchObject({ name: 'ByteDance Ltd.', headquarters: 'CN' });
    expect(d.leadAuthority?.shortName).toBe('DPC');
  });

  it('lists destinations storage first, with adequacy, and seats apart', () => {
    expect(d.destinations.map((x) => [x.country, x.roles.map((r) => r.role).join()])).toEqual([
      ['IE', 'storage'],
      ['US', 'storage'],
      ['CN', 'remote-access'],
    ]);
    expect(d.destinations.map((x) => x.adequacy?.status)).toEqual(['eea', 'partial', 'none']);
    expect(d.seats.map((x) => [x.country, x.roles[0]!.role])).toEqual([
      ['IE', 'operator-seat'],
      ['CN', 'parent-seat'],
    ]);
  });

  it('orders actions newest first and counts them', () => {
    expect(d.actions.map((a) => a.date)).toEqual(['2025-04-30', '2023-09-01']);
    expect(d.actions[0]!.authorityInfo?.name).toBe('Data Protection Commission');
    expect(d.counts).toEqual({ actions: 2, fines: 2, fineTotals: [{ currency: 'EUR', amount: 875_000_000 }], transferFindings: 1, underAppeal: 1, statusUnknown: 0 });
  });

  it('counts a status with no later information as unknown, neither final nor under appeal', () => {
    const unknown = structuredClone(TIKTOK_LIKE);
    unknown.actions[1]!.status = { value: 'no-later-info', checked: '2026-11-29' };
    const compiled = compileFixture([unknown]);
    const counts = buildDisclosure(compiled, compiled.platforms[0]!).counts;
    expect([counts.underAppeal, counts.statusUnknown]).toEqual([1, 1]);
  });

  it('shows an action on every platform it concerns', () => {
    const capcut = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === 'capcut')!);
    expect(capcut.actions.map((a) => [a.id, a.platformId])).toEqual([['tiktok-ie-dpc-2023-children', 'tiktok']]);
  });

  it('summarises for the badges: countries, and those each region\'s regime flags', () => {
    const badge = platformBadge(dataset, dataset.platforms.find((p) => p.id === 'tiktok')!);
    expect(badge).toMatchObject({ id: 'tiktok', name: 'TikTok', countries: ['IE', 'US', 'CN'], actions: 2 });
    expect(badge.flagged.eu).toEqual(['CN']);
    expect(badge.flagged.us).toEqual(['CN']);
    expect(badge.flagged.other).toEqual([]);
  });

  it('keeps flows a source says ended out of where data goes, the badge and the flags, and lists them as earlier', () => {
    const line = platform('line', [['line.me', 'main']], {
      name: 'LINE',
      flows: [
        { country: 'JP', role: 'storage', sources: [{ url: 'https://line.me/policy', publisher: 'LINE', primary: true }] },
        { country: 'CN', role: 'remote-access', until: '2021-03', sources: [{ url: 'https://news.example/line', publisher: 'News', primary: false }] },
        { country: 'KR', role: 'parent-seat', until: '2021-03', sources: [{ url: 'https://news.example/line', publisher: 'News', primary: false }] },
      ],
    });
    const lineData = compileFixture([line]);
    const compiled = lineData.platforms[0]!;
    const disclosure = buildDisclosure(lineData, compiled);
    expect(disclosure.destinations.map((x) => x.country)).toEqual(['JP']);
    expect(disclosure.seats).toEqual([]);
    expect(disclosure.earlier.map((x) => [x.country, x.roles.map((r) => `${r.role} until ${r.until}`).join()])).toEqual([
      ['CN', 'remote-access until 2021-03'],
      ['KR', 'parent-seat until 2021-03'],
    ]);
    const badge = platformBadge(lineData, compiled);
    expect(badge.countries).toEqual(['JP']);
    expect(badge.flagged.eu).not.toContain('CN');
    expect(badge.flagged.us).not.toContain('CN');
  });

  it('says, when no source names a country, that none does and carries what the operator says', () => {
    const statement = { summary: 'Its policy names no country.', sources: [{ url: 'https://tumblr.com/privacy', publisher: 'Tumblr', quote: 'We store it.', primary: true }] };
    const tumblr = platform('tumblr', [['tumblr.com', 'main']], { name: 'Tumblr', flowStatement: statement });
    const data = compileFixture([tumblr]);
    const disclosure = buildDisclosure(data, data.platforms[0]!);
    expect(disclosure.flowStatement).toEqual(statement);
    const t = (key: string, subs: string[] = []) => `${key}(${subs.join('|')})`;
    expect(flowSentence(disclosure, t, createFormatters('en'))).toBe('headlineStatement(Tumblr)');
    const { flowStatement: _, ...without } = disclosure;
    expect(flowSentence(without, t, createFormatters('en'))).toBe('headlineNoFlows(Tumblr)');
  });
});
