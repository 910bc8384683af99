/**
 * Build step, run once in Node (never in the extension): the validated dataset becomes the compact form the
 * extension ships, with the host table the matcher reads. The Public Suffix List rules are passed in, so this
 * module stays pure and testable.
 */
import { isAtOrUnder } from '../match/host-tree.ts';
import type { HostTable } from '../match/platform-index.ts';
import type { Dataset, Platform, Regime, RegimeList, Source } from './schema.ts';
import type { Problem } from './validate.ts';

export type CompiledPlatform = Omit<Platform, '$schema' | 'examples'>;

/** One country on a regime's list. Without sources of its own, the list's sources show it. */
export type RegimeEntry = { status: 'adequate' | 'partial' | 'concern'; scope?: string; since?: string; decided?: string; sources?: Source[] };

/**
 * A regime as the extension reads it: the list's entries by country. The EU's and the UK's lists stay in
 * data/jurisdictions (`list.fromJurisdictions`) and are read from there, so nothing is shipped twice.
 */
export type CompiledRegime = Omit<Regime, '$schema' | 'list'> & {
  list?: Omit<RegimeList, 'countries'>;
  entries: Record<string, RegimeEntry>;
};

export type CompiledDataset = {
  /** Newest `reviewed` date, plus a short content hash, so a person can cite the exact dataset. */
  version: string;
  reviewed: { newest: string; oldest: string };
  platforms: CompiledPlatform[];
  authorities: Dataset['authorities'];
  jurisdictions: Dataset['jurisdictions'];
  exchangeRates?: Dataset['exchangeRates'];
  /** by region; a region without one shows the facts alone */
  regimes: Partial<Record<Regime['id'], CompiledRegime>>;
  hosts: HostTable;
};

export type PublicSuffixes = {
  /** every PSL rule, ICANN and private, as written in the list ("co.uk", "*.ck", "github.io") */
  rules: readonly string[];
  /** registrable domain of a hostname under the full list (tldts.getDomain with private domains) */
  registrableDomain: (host: string) => string | null;
};

export function compileRegime(regime: Regime): CompiledRegime {
  const { $schema: _schema, list, ...rest } = regime;
  if (list === undefined) return { ...rest, entries: {} };
  const { countries, ...listRest } = list;
  const entries = Object.fromEntries(countries.map(({ country, ...entry }) => [country, entry]));
  return { ...rest, list: listRest, entries };
}

/** FNV-1a, enough to tell two datasets apart in a version string. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function fileOf(platform: Platform): string {
  return `data/platforms/${platform.id}.json`;
}

export function compileDataset(dataset: Dataset, psl: PublicSuffixes): { compiled: CompiledDataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys: Record<string, number> = {};
  const owner = new Map<string, Platform>();

  dataset.platforms.forEach((platform, index) => {
    platform.domains.forEach(({ domain, sharedWith }, i) => {
      // A shared domain is matched to the platform named in sharedWith, which lists it itself.
      if (sharedWith !== undefined) return;
      const registrable = psl.registrableDomain(domain);
      if (registrable === null || !isAtOrUnder(domain, registrable)) {
        problems.push({
          file: fileOf(platform),
          field: `domains.${i}.domain`,
          message: `${domain} is a public suffix (sites under it belong to their own owners): list the platform's own hosts under it instead`,
        });
        return;
      }
      keys[domain] = index;
      owner.set(domain, platform);
    });
  });

  // A public suffix below a key (a hosting service under a platform's domain) stops the match: sites there
  // are their owners', not the platform's.
  const stops = new Set<string>();
  for (const rule of psl.rules) {
    const wildcard = rule.startsWith('*.');
    const base = wildcard ? rule.slice(2) : rule;
    for (let dot = base.indexOf('.'); dot !== -1; dot = base.indexOf('.', dot + 1)) {
      const key = base.slice(dot + 1);
      const platform = owner.get(key);
      if (platform === undefined) continue;
      if (wildcard || base === key) {
        problems.push({
          file: fileOf(platform),
          field: 'domains',
          message: `${key} has the wildcard public suffix ${rule} below it: list the platform's specific hosts instead of ${key}`,
        });
      } else {
        stops.add(base);
      }
    }
    if (wildcard && owner.has(base)) {
      const platform = owner.get(base)!;
      problems.push({ file: fileOf(platform), field: 'domains', message: `${base} is covered by the wildcard public suffix ${rule}` });
    }
  }

  const platforms = dataset.platforms.map(({ $schema: _schema, examples: _examples, ...rest }) => rest);
  const reviewedDates = dataset.platforms.map((p) => p.reviewed).sort();
  const regimes = Object.fromEntries(
    Object.values(dataset.regimes ?? {}).map((regime) => [regime!.id, compileRegime(regime!)]),
  ) as CompiledDataset['regimes'];
  const body = JSON.stringify({ platforms, authorities: dataset.authorities, jurisdictions: dataset.jurisdictions, rates: dataset.exchangeRates, regimes });
  const newest = reviewedDates.at(-1) ?? '';
  return {
    compiled: {
      version: `${newest}.${shortHash(body)}`,
      reviewed: { newest, oldest: reviewedDates[0] ?? '' },
      platforms,
      authorities: dataset.authorities,
      jurisdictions: dataset.jurisdictions,
      ...(dataset.exchangeRates && { exchangeRates: dataset.exchangeRates }),
      regimes,
      hosts: { keys, stops: [...stops].sort() },
    },
    problems,
  };
}
