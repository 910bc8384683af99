/**
 * Build step, after `compileDataset`: the compiled dataset cut into what each context loads, so that none of them
 * parses more than it shows (issue #12: the badge without waiting, a popup in 50 ms, a worker that stays light as
 * the dataset grows).
 *
 * - `hostIndex`: the compiled host table, unchanged, with a few badge facts per platform (name, destinations, and
 *   the destinations flagged in each region's legal regime, judged here once by the framing module). The worker,
 *   the popup and the options page all read it; it grows by a few dozen bytes per platform.
 * - `platformSlice`: everything `buildDisclosure` needs for one platform (its file, the actions of other platforms
 *   that concern it, the authorities and jurisdictions it names), loaded on demand.
 * - `commonData`: what the popup needs whatever the platform (dataset version, exchange rates, the authorities and
 *   home-country laws for "what you can do").
 * - `badgeScripts`: the in-page badge's registered data, one file per platform host a person visits, each
 *   with the part of the host table its pages can reach, so the content script decides with the same matcher and
 *   the same table as the popup and the toolbar, without asking anyone (see the proof at `badgeScripts`).
 */
import { pageDomains } from '../manifest/match-patterns.ts';
import type { HostTable } from '../match/platform-index.ts';
import { buildDisclosure, type DisclosureSource } from '../disclosure/build-disclosure.ts';
import { withoutAdequacy } from '../disclosure/framing.ts';
import { REGIONS, type Region } from '../settings/settings.ts';
import type { CompiledDataset, CompiledPlatform } from './compile.ts';
import type { Action, Authority, Jurisdiction } from './schema.ts';

/** A platform as the host index lists it: what the worker, the popup and the options page read without its slice. */
export type IndexedPlatform = {
  id: string;
  name: string;
  /** destination countries, storage first (as the disclosure orders them) */
  countries: string[];
  /** regulatory actions, the platform's own and those of others that concern it */
  actions: number;
};

/** What the in-page badge shows for a platform: with the destinations each region's regime flags (the red mark). */
export type PlatformBadge = IndexedPlatform & { flagged: Record<Region, string[]> };

/** The compiled host table and, at each index it points to, that platform. */
export type HostIndex = { hosts: HostTable; platforms: IndexedPlatform[] };
/** A part of the host table with the badges of the platforms it names (the in-page badge's registered data). */
export type BadgeTable = { hosts: HostTable; platforms: PlatformBadge[] };

export type PlatformSlice = {
  version: string;
  platform: CompiledPlatform;
  /** actions filed under other platforms that name this one in `alsoConcerns` */
  concerning: Array<{ id: string; actions: Action[] }>;
  authorities: Record<string, Authority>;
  jurisdictions: Record<string, Jurisdiction>;
  /** each region's regime, with its list entries for this platform's countries only */
  regimes: CompiledDataset['regimes'];
};

export type CommonData = Pick<CompiledDataset, 'version' | 'reviewed' | 'authorities' | 'jurisdictions' | 'exchangeRates' | 'regimes'>;

/** A platform's badge, flagged in every region by the framing module's `withoutAdequacy` (flaggedIn). */
export function platformBadge(dataset: CompiledDataset, platform: CompiledPlatform): PlatformBadge {
  const disclosure = buildDisclosure(dataset, platform);
  const flagged = Object.fromEntries(REGIONS.map((region) => [region, withoutAdequacy(disclosure, region).map((d) => d.country)])) as Record<Region, string[]>;
  return { id: platform.id, name: platform.name, countries: disclosure.destinations.map((d) => d.country), flagged, actions: disclosure.counts.actions };
}

export function hostIndex(dataset: CompiledDataset): HostIndex {
  return {
    hosts: dataset.hosts,
    platforms: dataset.platforms.map((p) => {
      const { flagged: _flagged, ...indexed } = platformBadge(dataset, p);
      return indexed;
    }),
  };
}

export function platformSlice(dataset: CompiledDataset, platform: CompiledPlatform): PlatformSlice {
  const concerning = dataset.platforms.flatMap((owner) => {
    if (owner.id === platform.id) return [];
    const actions = owner.actions.filter((a) => a.alsoConcerns?.includes(platform.id));
    return actions.length > 0 ? [{ id: owner.id, actions }] : [];
  });
  const authorityIds = new Set([...(platform.leadAuthority ? [platform.leadAuthority] : []), ...[platform, ...concerning].flatMap((p) => p.actions.map((a) => a.authority))]);
  const countries = new Set([
    ...platform.flows.map((f) => f.country),
    ...(platform.operator ? [platform.operator.country] : []),
    ...(platform.parent ? [platform.parent.country, platform.parent.headquarters ?? platform.parent.country] : []),
  ]);
  const pick = <T>(all: Record<string, T>, keys: Iterable<string>) => Object.fromEntries([...keys].sort().flatMap((k) => (all[k] ? [[k, all[k]]] : []))) as Record<string, T>;
  const regimes = Object.fromEntries(Object.entries(dataset.regimes).map(([id, regime]) => [id, { ...regime!, entries: pick(regime!.entries, countries) }]));
  return {
    version: dataset.version,
    platform,
    concerning,
    authorities: pick(dataset.authorities, authorityIds),
    jurisdictions: pick(dataset.jurisdictions, countries),
    regimes: regimes as CompiledDataset['regimes'],
  };
}

/** A slice as the source `buildDisclosure` reads: the same result as from the whole dataset (a unit test checks). */
export function sliceSource(slice: PlatformSlice): DisclosureSource {
  return { version: slice.version, authorities: slice.authorities, jurisdictions: slice.jurisdictions, regimes: slice.regimes, platforms: [slice.platform, ...slice.concerning] };
}

export function commonData(dataset: CompiledDataset): CommonData {
  // Home-country laws (user protection) are all the popup reads from jurisdictions outside the platform's slice.
  const home = Object.fromEntries(Object.entries(dataset.jurisdictions).filter(([, j]) => j.laws.some((law) => law.kind === 'user-protection')));
  return {
    version: dataset.version,
    reviewed: dataset.reviewed,
    authorities: dataset.authorities,
    jurisdictions: home,
    regimes: dataset.regimes,
    ...(dataset.exchangeRates && { exchangeRates: dataset.exchangeRates }),
  };
}

/** One platform host's registered data file for the in-page badge (the content script itself is registered once). */
export type BadgeScript = {
  /** the platform host (a key of the host table) it is registered for; also its dismissal key */
  host: string;
  matches: string[];
  /** the hosts under `host` that have a script of their own */
  excludeMatches: string[];
  /** the part of the host table a page under `host` can reach */
  table: BadgeTable;
};

const under = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);
const patterns = (host: string) => [`*://${host}/*`, `*://*.${host}/*`];

/**
 * One script per key of the host table that a person visits: every key at or under a page domain (the hosts of
 * the extension's host permissions). A script for key K matches K and its subdomains and excludes the subdomains
 * that have a script of their own, so exactly one script runs on a page: the one for the longest key above it.
 *
 * Why the page's part of the table gives the whole table's answer: the matcher walks a hostname's suffixes from the
 * longest and stops at the first one in the table. On a page under K (and not under any longer scripted key), every
 * suffix longer than K lies under K, and K itself is a key, so the walk never gets past K: only the keys and stops
 * at or under K can decide, and those are exactly what the script carries. Hiding the badge on K is therefore
 * K's script alone saying so: its pages get no badge, and the pages of longer keys keep theirs.
 * (`test/unit/core/dataset/split.test.ts` checks the answers against the whole table for every host and more.)
 */
export function badgeScripts(dataset: CompiledDataset): BadgeScript[] {
  const pages = pageDomains(dataset);
  const badges = new Map<number, PlatformBadge>();
  const badgeAt = (i: number) => badges.get(i) ?? badges.set(i, platformBadge(dataset, dataset.platforms[i]!)).get(i)!;
  const keys = Object.keys(dataset.hosts.keys).filter((key) => pages.some((page) => under(key, page))).sort();
  return keys.map((host) => {
    const nested = keys.filter((other) => other !== host && under(other, host));
    // The closest nested scripts only: their own exclusions cover what lies below them.
    const closest = nested.filter((other) => !nested.some((mid) => mid !== other && under(other, mid)));
    const tableKeys = Object.entries(dataset.hosts.keys).filter(([key]) => under(key, host));
    const platformIndexes = [...new Set(tableKeys.map(([, i]) => i))].sort((a, b) => a - b);
    const renumber = new Map(platformIndexes.map((old, i) => [old, i]));
    return {
      host,
      matches: patterns(host),
      excludeMatches: closest.flatMap(patterns),
      table: {
        hosts: { keys: Object.fromEntries(tableKeys.map(([key, i]) => [key, renumber.get(i)!])), stops: dataset.hosts.stops.filter((stop) => under(stop, host)) },
        platforms: platformIndexes.map(badgeAt),
      },
    };
  });
}

/** Where the build puts a platform's slice in the extension package. Ids are lower-case letters, digits and hyphens. */
export const sliceFile = (id: string) => `data/platforms/${id}.json`;
