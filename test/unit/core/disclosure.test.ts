import { describe, expect, it } from 'vitest';
import { badgeSummary, buildDisclosure } from '../../../src/core/disclosure/build-disclosure.ts';
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

  it('summarises for the badges: countries and those the user\'s regime flags', () => {
    expect(badgeSummary(d)).toEqual({ platformId: 'tiktok', name: 'TikTok', countries: ['IE', 'US', 'CN'], withoutAdequacy: ['CN'], actions: 2 });
    expect(badgeSummary(d, 'us').withoutAdequacy).toEqual(['CN']);
    expect(badgeSummary(d, 'other').withoutAdequacy).toEqual([]);
  });
});
