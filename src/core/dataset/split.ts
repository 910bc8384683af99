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
 * - `badgeGroups`: the in-page badge's registered data, the platform hosts a person visits in a few groups, each
 *   with the part of the host table its pages can reach, so the content script decides with the same matcher and
 *   the same table as the popup and the toolbar, without asking anyone (see the proof at `badgeGroups`).
 */
import { pageDomains } from '../manifest/match-patterns.ts';
import { isAtOrUnder, topmostHosts } from '../match/host-tree.ts';
import type { HostTable } from '../match/platform-index.ts';
import { buildDisclosure, type DisclosureSource } from '../disclosure/build-disclosure.ts';
import { withoutAdequacy } from '../disclosure/framing.ts';
import { REGIONS, type Region } from '../settings/settings.ts';
import type { CompiledDataset, CompiledPlatform } from './compile.ts';
import type { Action, Authority, Jurisdiction, Source } from './schema.ts';

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
    // Laws' and regimes' sources as links (see `linksOnly`): their words are never shown, and the popup's first
    // answer relays the slice from the background, which costs it about 0.35 ms per KB while it opens (measured:
    // docs/PERFORMANCE.md); TikTok's slice is 22% smaller.
    jurisdictions: linksOnly(pick(dataset.jurisdictions, countries)),
    regimes: linksOnly(regimes as CompiledDataset['regimes']),
  };
}

/**
 * A slice as the background relays it to the popup: without its regimes, which the popup already has whole in the
 * common part of its own script (with every country's entries; a slice's are its countries' only, the same verdicts).
 * A third of a small platform's slice is its regimes, and the popup's first answer costs with its size.
 */
export type RelayedSlice = Omit<PlatformSlice, 'regimes'>;
export function relayedSlice({ regimes: _regimes, ...relayed }: PlatformSlice): RelayedSlice {
  return relayed;
}
/** The relayed slice made whole again with the common part's regimes. */
export function withRegimes(relayed: RelayedSlice, regimes: CompiledDataset['regimes']): PlatformSlice {
  return { ...relayed, regimes };
}

/**
 * A slice as the source `buildDisclosure` reads: the same result as from the whole dataset, except that the laws' and
 * regimes' sources are links (a unit test checks).
 */
export function sliceSource(slice: PlatformSlice): DisclosureSource {
  return { version: slice.version, authorities: slice.authorities, jurisdictions: slice.jurisdictions, regimes: slice.regimes, platforms: [slice.platform, ...slice.concerning] };
}

/**
 * A source as the common part's readers show it: a link named by its publisher, tagged when primary
 * (`SourceLinks` in the popup, the Markdown summary's links). Their quotes, titles, dates and notes (which version
 * or copy was read) are what data:check and an auditor read; the popup shows quotes only for a platform's own
 * facts, which come in its slice whole. Leaving them out keeps every regime's sources out of the popup's first load
 * (a third of it with today's regimes), and the laws' and regimes' out of each platform's slice.
 */
export type LinkedSource = Pick<Source, 'url' | 'publisher' | 'primary'>;

function linksOnly<T>(value: T): T {
  if (Array.isArray(value)) return value.map(linksOnly) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      key === 'sources' && Array.isArray(v) ? [key, v.map(({ url, publisher, primary }: Source): LinkedSource => ({ url, publisher, primary }))] : [key, linksOnly(v)],
    ),
  ) as T;
}

export function commonData(dataset: CompiledDataset): CommonData {
  // Home-country laws (user protection) are all the popup reads from jurisdictions outside the platform's slice.
  const home = Object.fromEntries(Object.entries(dataset.jurisdictions).filter(([, j]) => j.laws.some((law) => law.kind === 'user-protection')));
  return {
    version: dataset.version,
    reviewed: dataset.reviewed,
    authorities: dataset.authorities,
    jurisdictions: linksOnly(home),
    regimes: linksOnly(dataset.regimes),
    ...(dataset.exchangeRates && { exchangeRates: dataset.exchangeRates }),
  };
}

/** The keys of the host table a person visits: every key at or under a page domain (the extension's host permissions). */
export function scriptedHosts(dataset: CompiledDataset): string[] {
  const pages = pageDomains(dataset);
  return Object.keys(dataset.hosts.keys).filter((key) => pages.some((page) => isAtOrUnder(key, page))).sort();
}

/**
 * The in-page badge's data as registered: the scripted hosts cut into a few groups, each registered once with the
 * content script and one table file (see `badgeRegistrations`). What decides their number is measured, not
 * guessed: Chromium's cost on every page, platform or not, grows with the number of registered scripts times the
 * extension's host permissions (one registration per platform host, 4,761 with the 10x dataset's 9,460 host
 * permissions, made a page of no platform load 22 times slower than without the extension; with no registration
 * at all, 1.02 times). So the number of groups follows the size of the data, at about `targetBytes` of table per
 * group, and a page parses one group's table, not the whole.
 */
export type BadgeGroup = {
  /** a short name, also its table file's: `g0`, `g1`, ... */
  id: string;
  /** the highest scripted hosts of the group: its registration matches them and everything under them */
  roots: string[];
  /** every scripted host of the group (the roots and the hosts under them), for hiding the badge on one of them */
  hosts: string[];
  /** the host table's keys and stops under the roots, with the badges of the platforms they name */
  table: BadgeTable;
};

/** About this much table per group (bytes of JSON): a few milliseconds of parsing at most, on any page. */
export const BADGE_GROUP_BYTES = 16_384;

/**
 * Groups of whole host trees: every scripted host goes with the highest scripted host above it (its root), so
 * that on any page exactly one group runs (roots are never nested), and its table holds every key and stop under
 * the page's root. That part gives the whole table's answer: the matcher walks a hostname's suffixes from the
 * longest and stops at the first one in the table; on a page under root R, every suffix longer than R lies under
 * R, and R itself is a key, so the walk never gets past R: only keys and stops under R can decide, and the group
 * has them all (`test/unit/core/dataset/split.test.ts` checks the answers against the whole table). Roots that name a platform in common go together,
 * so a platform's badge is written once per group (Google's national search domains share one). Then the trees are
 * packed, largest first, into as many groups as `targetBytes` calls for, each time into the smallest group so far:
 * the same dataset always gives the same groups.
 */
export function badgeGroups(dataset: CompiledDataset, targetBytes = BADGE_GROUP_BYTES): BadgeGroup[] {
  const scripted = scriptedHosts(dataset);
  const roots = topmostHosts(scripted);
  const keysUnder = (root: string) => Object.entries(dataset.hosts.keys).filter(([key]) => isAtOrUnder(key, root));
  // Roots naming a platform in common, joined (union-find over the platforms' indexes).
  const parent = roots.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstRootOf = new Map<number, number>();
  roots.forEach((root, i) => {
    for (const [, platform] of keysUnder(root)) {
      const seen = firstRootOf.get(platform);
      if (seen === undefined) firstRootOf.set(platform, i);
      else parent[find(i)] = find(seen);
    }
  });
  const trees = new Map<number, string[]>();
  roots.forEach((root, i) => trees.set(find(i), [...(trees.get(find(i)) ?? []), root]));

  const badges = new Map<number, PlatformBadge>();
  const badgeAt = (i: number) => badges.get(i) ?? badges.set(i, platformBadge(dataset, dataset.platforms[i]!)).get(i)!;
  const tableOf = (treeRoots: readonly string[]): BadgeTable => {
    const keys = treeRoots.flatMap(keysUnder).sort(([a], [b]) => (a < b ? -1 : 1));
    const platformIndexes = [...new Set(keys.map(([, i]) => i))].sort((a, b) => a - b);
    const renumber = new Map(platformIndexes.map((old, i) => [old, i]));
    return {
      hosts: {
        keys: Object.fromEntries(keys.map(([key, i]) => [key, renumber.get(i)!])),
        stops: dataset.hosts.stops.filter((stop) => treeRoots.some((root) => isAtOrUnder(stop, root))).sort(),
      },
      platforms: platformIndexes.map(badgeAt),
    };
  };
  const sized = [...trees.values()]
    .map((treeRoots) => ({ roots: treeRoots, bytes: JSON.stringify(tableOf(treeRoots)).length }))
    .sort((a, b) => b.bytes - a.bytes || (a.roots[0]! < b.roots[0]! ? -1 : 1));
  const total = sized.reduce((sum, t) => sum + t.bytes, 0);
  const bins = Array.from({ length: Math.max(1, Math.ceil(total / targetBytes)) }, () => ({ roots: [] as string[], bytes: 0 }));
  for (const tree of sized) {
    const smallest = bins.reduce((best, bin) => (bin.bytes < best.bytes ? bin : best));
    smallest.roots.push(...tree.roots);
    smallest.bytes += tree.bytes;
  }
  return bins
    .filter((bin) => bin.roots.length > 0)
    .map((bin, i) => {
      const groupRoots = bin.roots.sort();
      return {
        id: `g${i}`,
        roots: groupRoots,
        hosts: scripted.filter((host) => groupRoots.some((root) => isAtOrUnder(host, root))),
        table: tableOf(groupRoots),
      };
    });
}

/**
 * Where the build puts the host index for the background: a file it reads once per start, so that its code stays
 * the same size however large the dataset grows (issue #12 goal 8), and the text is not kept once parsed.
 */
export const HOST_INDEX_FILE = 'data/host-index.json';

/** Where the build puts a platform's slice in the extension package. Ids are lower-case letters, digits and hyphens. */
export const sliceFile = (id: string) => `data/platforms/${id}.json`;
