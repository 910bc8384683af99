/** Small datasets built in code, for tests that must not move when data/ is edited. */
import { compileDataset, type CompiledDataset } from '../../src/core/dataset/compile.ts';
import type { Authority, Dataset, Jurisdiction, Platform } from '../../src/core/dataset/schema.ts';
import { publicSuffixes } from '../../src/cli/public-suffixes.ts';
import { createAnswerer, type Answerer } from '../../src/background/answerer.ts';
import { hostIndex, platformSlice } from '../../src/core/dataset/split.ts';

export const source = (url = 'https://www.dataprotection.ie/en/news-media', primary = true) => ({ url, publisher: 'Test publisher', primary });

export function platform(id: string, domains: Array<[string, Platform['domains'][number]['purpose']]>, extra: Partial<Platform> = {}): Platform {
  return {
    id,
    name: id.toUpperCase(),
    category: 'social',
    domains: domains.map(([domain, purpose]) => ({ domain, purpose })),
    flows: [],
    transferMechanisms: [],
    actions: [],
    positions: [],
    reviewed: '2026-11-01',
    ...extra,
  };
}

export const authorities: Record<string, Authority> = {
  'ie-dpc': { id: 'ie-dpc', name: 'Data Protection Commission', shortName: 'DPC', country: 'IE', kind: 'dpa', url: 'https://www.dataprotection.ie/', domains: ['dataprotection.ie'] },
};

export const jurisdictions: Record<string, Jurisdiction> = {
  IE: { code: 'IE', euAdequacy: { status: 'eea', sources: [] }, laws: [] },
  CN: { code: 'CN', euAdequacy: { status: 'none', sources: [] }, laws: [] },
  US: { code: 'US', euAdequacy: { status: 'partial', sources: [source()] }, laws: [] },
};

export const TIKTOK_LIKE = platform(
  'tiktok',
  [
    ['tiktok.com', 'main'],
    ['tiktokcdn.com', 'cdn'],
    ['musical.ly', 'legacy'],
  ],
  {
    name: 'TikTok',
    operator: { name: 'TikTok Technology Limited', country: 'IE', sources: [source()] },
    parent: { name: 'ByteDance Ltd.', country: 'KY', headquarters: 'CN', sources: [source('https://example.org/', false)] },
    leadAuthority: 'ie-dpc',
    flows: [
      { country: 'IE', role: 'storage', sources: [source()] },
      { country: 'CN', role: 'remote-access', sources: [source()] },
      { country: 'US', role: 'storage', sources: [source()] },
    ],
    actions: [
      {
        id: 'tiktok-ie-dpc-2025-transfers',
        authority: 'ie-dpc',
        date: '2025-04-30',
        announced: '2025-05-02',
        type: 'fine',
        amount: 530_000_000,
        currency: 'EUR',
        legalBasis: ['GDPR Art. 46(1)'],
        summary: 'A fine.',
        transfer: { destinations: ['CN'], finding: 'Not protected.' },
        status: { value: 'appealed' },
        sources: [source()],
      },
      {
        id: 'tiktok-ie-dpc-2023-children',
        authority: 'ie-dpc',
        date: '2023-09-01',
        type: 'fine',
        amount: 345_000_000,
        currency: 'EUR',
        legalBasis: [],
        summary: 'Another fine.',
        status: { value: 'final' },
        sources: [source()],
      },
    ],
  },
);

export function fixtureDataset(platforms: Platform[] = [TIKTOK_LIKE]): Dataset {
  return { platforms, authorities, jurisdictions };
}

export function compileFixture(platforms?: Platform[]): CompiledDataset {
  const { compiled, problems } = compileDataset(fixtureDataset(platforms), publicSuffixes());
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return compiled;
}

/** The background's answerer over a compiled dataset, its slices read from the same dataset (no extension files). */
export function answererFor(dataset: CompiledDataset, locale = 'en', t?: (key: string, substitutions?: string[]) => string): Answerer {
  return createAnswerer(
    hostIndex(dataset),
    async (id) => {
      const platform = dataset.platforms.find((p) => p.id === id);
      if (!platform) throw new Error(`no platform ${id}`);
      return platformSlice(dataset, platform);
    },
    locale,
    t,
  );
}
