/** Small datasets built in code, for tests that must not move when data/ is edited. */
import { compileDataset, type CompiledDataset } from '../../src/core/dataset/compile.ts';
import type { Authority, Dataset, Jurisdiction, Platform, Regime } from '../../src/core/dataset/schema.ts';
import { publicSuffixes } from '../../src/cli/public-suffixes.ts';

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

const EEA = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'];
const listSource = { ...source('https://example.org/list'), quote: 'The list, in its own words.' };
const provision = (name: string) => ({ name, provision: `${name} Art. 1`, summary: `${name} in our words.`, sources: [source(`https://example.org/${name}`)] });

/** Four regimes, one of each kind: the EU's and the UK's adequacy lists (from the jurisdictions), the US list of concern, none. */
export const regimes: Record<string, Regime> = {
  eu: { id: 'eu', name: 'EU/EEA', law: { name: 'GDPR', sources: [source()] }, home: EEA, frame: 'adequacy', list: { name: 'EU adequacy decisions', complete: true, checked: '2026-11-01', countries: [], fromJurisdictions: 'euAdequacy', sources: [listSource] }, rules: [provision('eu-rule')], laws: [], rights: [provision('eu-right')], currency: 'EUR', reviewed: '2026-11-01' },
  uk: { id: 'uk', name: 'United Kingdom', law: { name: 'UK GDPR', sources: [source()] }, home: ['GB'], frame: 'adequacy', list: { name: 'UK adequacy regulations', complete: true, checked: '2026-11-01', countries: [], fromJurisdictions: 'ukAdequacy', sources: [listSource] }, rules: [provision('uk-rule')], laws: [], authority: 'uk-ico', rights: [provision('uk-right')], currency: 'GBP', reviewed: '2026-11-01' },
  us: { id: 'us', name: 'United States', law: { name: 'EO 14117', sources: [source()] }, home: ['US'], frame: 'concern', list: { name: 'Countries of concern', complete: true, checked: '2026-11-01', countries: [{ country: 'CN', status: 'concern' }], sources: [listSource] }, rules: [provision('us-rule')], laws: ['us-padfa'], rights: [provision('us-right')], currency: 'USD', reviewed: '2026-11-01' },
  other: { id: 'other', name: 'Elsewhere', home: [], frame: 'none', rules: [], laws: [], rights: [], currency: 'EUR', reviewed: '2026-11-01' },
};

export function fixtureDataset(platforms: Platform[] = [TIKTOK_LIKE]): Dataset {
  return { platforms, authorities, jurisdictions, regimes };
}

export function compileFixture(platforms?: Platform[]): CompiledDataset {
  const { compiled, problems } = compileDataset(fixtureDataset(platforms), publicSuffixes());
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return compiled;
}
