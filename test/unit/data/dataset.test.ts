/**
 * Rules over the real data/ folder. Each failure says what to change. The examples each platform file carries
 * (URLs that must match it, look-alikes that must not) run through the real look-up here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaFiles } from '../../../src/core/dataset/json-schemas.ts';
import { createPlatformLookup } from '../../../src/core/lookup.ts';
import { contentScriptMatches, pageDomains } from '../../../src/core/manifest/match-patterns.ts';
import { isAtOrUnder } from '../../../src/core/match/host-tree.ts';
import { DATA_DIR, loadDataset } from '../../../src/cli/read-data.ts';
import { realDataset } from '../helpers.ts';
import { verdictFor } from '../../../src/core/disclosure/framing.ts';
import { DISPLAY_CURRENCIES, REGIONS, regionFromCountry } from '../../../src/core/settings/settings.ts';

describe('data/', () => {
  it('passes validation (run `npm run data:check` for the list of problems)', () => {
    const { problems } = loadDataset();
    expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([]);
  });

  it('has one file per platform, named by its id', () => {
    const files = readdirSync(join(DATA_DIR, 'platforms')).sort();
    expect(files).toEqual(realDataset().platforms.map((p) => `${p.id}.json`).sort());
  });

  const dataset = realDataset();
  const { lookup } = createPlatformLookup(dataset);
  const { dataset: source } = loadDataset();

  describe.each(source!.platforms.map((p) => [p.id, p] as const))('%s', (id, platform) => {
    it('is found from its main domain and from each of its other domains', () => {
      for (const { domain, sharedWith } of platform.domains) {
        // A shared domain answers with the platform it is declared shared with (which lists it itself).
        const expected = sharedWith ?? id;
        const result = lookup(`https://${domain}/`);
        expect(result.kind === 'platform' && result.platform.id, `${domain} should resolve to ${expected}`).toBe(expected);
      }
    });
    it('matches its examples and none of its look-alikes', () => {
      for (const url of platform.examples?.match ?? []) {
        const result = lookup(url);
        expect(result.kind === 'platform' && result.platform.id, `${url} should resolve to ${id}`).toBe(id);
      }
      for (const url of platform.examples?.noMatch ?? []) {
        const result = lookup(url);
        expect(result.kind === 'platform' ? result.platform.id : 'none', `${url} must not resolve to ${id}`).not.toBe(id);
      }
    });
    it('puts a primary source first wherever it has one', () => {
      for (const action of platform.actions) {
        const firstPrimary = action.sources.findIndex((s) => s.primary);
        expect(firstPrimary, `${action.id}: move the primary source to the top`).toBeLessThanOrEqual(0);
      }
    });
  });

  it('runs the content script on every page domain of every platform, and nowhere else', () => {
    const matches = contentScriptMatches(dataset);
    // `*://*.host/*` matches the host itself and every host under it (Chromium's and Firefox's match patterns).
    const covers = (pattern: string, host: string) => isAtOrUnder(host, pattern.slice('*://*.'.length, -2));
    for (const domain of pageDomains(dataset)) expect(matches.some((m) => covers(m, domain)), domain).toBe(true);
    expect(matches.every((m) => /^\*:\/\/\*\.[a-z0-9.-]+\/\*$/.test(m))).toBe(true);
    // One pattern per host tree: none under another.
    expect(matches.filter((m) => matches.some((o) => o !== m && covers(o, m.slice('*://*.'.length, -2))))).toEqual([]);
    expect(matches).not.toContain('<all_urls>');
  });
});

describe('data/schema', () => {
  it('holds the JSON Schemas of the current zod schema (run `npm run data:schema` after changing it)', () => {
    for (const { file, text } of jsonSchemaFiles()) expect(readFileSync(join(DATA_DIR, 'schema', file), 'utf8'), file).toBe(text);
  });
});

describe('docs/COVERAGE.md', () => {
  it('is current (run `npm run data:coverage` after editing data/)', async () => {
    const { readFileSync } = await import('node:fs');
    const { coverageMarkdown } = await import('../../../src/core/dataset/coverage.ts');
    const { ROOT } = await import('../../../src/cli/read-data.ts');
    expect(readFileSync(join(ROOT, 'docs/COVERAGE.md'), 'utf8')).toBe(coverageMarkdown(loadDataset().dataset!));
  });
});

describe('coverage required by the dataset issue', () => {
  // The platforms the dataset promises (issue #3), by id.
  const REQUIRED = 'tiktok capcut facebook instagram whatsapp messenger threads x linkedin snapchat pinterest reddit youtube google-search gmail google-maps bing outlook yahoo yandex baidu vk telegram wechat weibo discord twitch amazon aliexpress temu shein ebay booking airbnb netflix spotify zoom dropbox icloud chatgpt deepseek gemini replika grindr tinder uber bolt didi clearview-ai worldcoin vinted criteo'.split(' ');
  const dataset = realDataset();
  const { lookup } = createPlatformLookup(dataset);

  it.each(REQUIRED)('%s is in the dataset and found from its main domain', (id) => {
    const platform = dataset.platforms.find((p) => p.id === id);
    expect(platform, `add data/platforms/${id}.json`).toBeDefined();
    const main = platform!.domains.find((d) => d.purpose === 'main') ?? platform!.domains[0]!;
    const result = lookup(main.domain);
    expect(result.kind === 'platform' && result.platform.id).toBe(id);
  });

  it('has at least 50 platforms and 120 regulatory actions', () => {
    expect(dataset.platforms.length).toBeGreaterThanOrEqual(50);
    expect(dataset.platforms.reduce((n, p) => n + p.actions.length, 0)).toBeGreaterThanOrEqual(120);
  });
});

describe('data/regimes: a legal frame for every region of the settings', () => {
  const dataset = realDataset();

  it.each([...REGIONS])('%s has data/regimes/%s.json', (region) => {
    expect(dataset.regimes[region], `add data/regimes/${region}.json`).toBeDefined();
  });

  it('takes the region from a country the way the regimes define home', () => {
    for (const regime of Object.values(dataset.regimes)) {
      for (const code of regime!.home) expect(regionFromCountry(code), `${code} is home in data/regimes/${regime!.id}.json`).toBe(regime!.id);
    }
  });

  it('cites only links the source policy allows (data/source-policy.json), and the check catches one it does not', async () => {
    const { regimeLinkProblems } = await import('../../../src/core/dataset/provenance.ts');
    const { loadSourcePolicy } = await import('../../../src/cli/read-data.ts');
    const { dataset: source } = loadDataset();
    expect(regimeLinkProblems(source!, loadSourcePolicy())).toEqual([]);
    const eu = source!.regimes!.eu!;
    const bad = { ...source!, regimes: { eu: { ...eu, rights: [{ ...eu.rights[0]!, sources: [{ url: 'https://example.org/wiki?oldid=3', publisher: 'x', primary: false }] }] } } };
    expect(regimeLinkProblems(bad, loadSourcePolicy())).toEqual([{ file: 'data/regimes/eu.json', field: 'rights.0.sources.0.url', message: 'a wiki diff or old revision: cite the page itself' }]);
  });

  it('offers each regime\'s currency in the currency setting', () => {
    for (const regime of Object.values(dataset.regimes)) expect(DISPLAY_CURRENCIES, regime!.id).toContain(regime!.currency);
  });

  it('shows every list in a source\'s own words, and has a verdict for every destination in the dataset', () => {
    for (const regime of Object.values(dataset.regimes)) {
      if (regime!.list) expect(regime!.list.sources.some((s) => s.quote), regime!.id).toBe(true);
    }
    const countries = new Set(dataset.platforms.flatMap((p) => p.flows.map((f) => f.country)));
    for (const region of REGIONS) {
      const expected = region === 'other' ? ['unframed'] : ['home', 'adequate', 'partial', 'none', 'concern', 'unlisted', 'unknown', 'abroad'];
      for (const country of countries) expect(expected, `${region} ${country}`).toContain(verdictFor(dataset.regimes[region], country, dataset.jurisdictions).status);
    }
  });
});
