/**
 * From anything that names a page (a URL, a hostname) to the platform it belongs to, over a compiled host table.
 * The content script, the background, the popup, the command line and the benchmarks all answer through
 * `createHostLookup`, over the same table (or, in the content script, the part of it a page can reach), so no
 * surface can name a different platform than another.
 */
import type { CompiledDataset, CompiledPlatform } from './dataset/compile.ts';
import { isLocalName, normalizeHost, type HostResult } from './match/normalize-host.ts';
import { createHostMatcher, type HostTable } from './match/platform-index.ts';
import type { PageMatch } from './messaging/protocol.ts';

export type HostLookupResult =
  | { kind: 'platform'; host: string; index: number }
  | { kind: 'unknown'; host: string }
  | { kind: 'not-applicable'; reason: Extract<HostResult, { ok: false }>['reason'] | 'local' };

export type HostLookup = {
  lookup(input: unknown): HostLookupResult;
  /** The hot path for hostnames the browser has already normalised (request observer, benchmarks). */
  lookupHost(normalizedHost: string): number | undefined;
};

export function createHostLookup(table: HostTable): HostLookup {
  const match = createHostMatcher(table);
  return {
    lookupHost: match,
    lookup(input) {
      const host = normalizeHost(input);
      if (!host.ok) return { kind: 'not-applicable', reason: host.reason };
      if (isLocalName(host.host)) return { kind: 'not-applicable', reason: 'local' };
      const index = match(host.host);
      return index === undefined ? { kind: 'unknown', host: host.host } : { kind: 'platform', host: host.host, index };
    },
  };
}

/**
 * What a page's URL is, over a host index: the one answer the background gives the popup, so the popup needs no
 * host index of its own (issue #12: a popup that stays light as the dataset grows).
 */
export function pageMatch(index: { hosts: HostTable; platforms: ReadonlyArray<{ id: string; name: string } | undefined> }, url: string, lookup = createHostLookup(index.hosts)): PageMatch {
  const result = lookup.lookup(url);
  if (result.kind === 'not-applicable') return { kind: 'not-applicable', notWeb: result.reason === 'not-web' };
  const platform = result.kind === 'platform' ? index.platforms[result.index] : undefined;
  return platform ? { kind: 'platform', host: result.host, platformId: platform.id, name: platform.name } : { kind: 'unknown', host: result.host };
}

/**
 * The key of the table that matched a (normalised) host the matcher placed on a platform: the longest suffix of
 * the host that is a key, which is where the matcher's walk stopped. Hiding the badge is remembered per key, so a
 * dismissal on Gmail (mail.google.com) leaves Google Search (google.com) alone.
 */
export function matchedKey(table: HostTable, host: string): string | undefined {
  for (let start = 0; start < host.length; start = host.indexOf('.', start) + 1) {
    const suffix = start === 0 ? host : host.slice(start);
    if (Object.hasOwn(table.keys, suffix)) return suffix;
    if (host.indexOf('.', start) === -1) return undefined;
  }
  return undefined;
}

export type LookupResult =
  | { kind: 'platform'; host: string; platform: CompiledPlatform }
  | { kind: 'unknown'; host: string }
  | { kind: 'not-applicable'; reason: Extract<HostResult, { ok: false }>['reason'] | 'local' };

export type PlatformLookup = {
  lookup(input: unknown): LookupResult;
  /** The hot path for hostnames the browser has already normalised (request observer, benchmarks). */
  lookupHost(normalizedHost: string): CompiledPlatform | undefined;
  byId(id: string): CompiledPlatform | undefined;
};

/** The same look-up over the whole compiled dataset, answering with the platform's record (command line, tests). */
export function createPlatformLookup(dataset: CompiledDataset): PlatformLookup {
  const hosts = createHostLookup(dataset.hosts);
  const ids = new Map(dataset.platforms.map((platform) => [platform.id, platform]));
  const lookupHost = (host: string) => {
    const index = hosts.lookupHost(host);
    return index === undefined ? undefined : dataset.platforms[index];
  };
  return {
    lookupHost,
    byId: (id) => ids.get(id),
    lookup(input) {
      const result = hosts.lookup(input);
      return result.kind === 'platform' ? { kind: 'platform', host: result.host, platform: dataset.platforms[result.index]! } : result;
    },
  };
}
