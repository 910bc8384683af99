/**
 * From anything that names a page (a URL, a hostname) to the platform it belongs to, over a compiled dataset.
 * Used by the background, the popup, the command line and the benchmarks alike.
 */
import type { CompiledDataset, CompiledPlatform } from './dataset/compile.ts';
import { isLocalName, normalizeHost, type HostResult } from './match/normalize-host.ts';
import { createHostMatcher } from './match/platform-index.ts';

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

export function createPlatformLookup(dataset: CompiledDataset): PlatformLookup {
  const match = createHostMatcher(dataset.hosts);
  const ids = new Map(dataset.platforms.map((platform) => [platform.id, platform]));
  const lookupHost = (host: string) => {
    const index = match(host);
    return index === undefined ? undefined : dataset.platforms[index];
  };
  return {
    lookupHost,
    byId: (id) => ids.get(id),
    lookup(input) {
      const host = normalizeHost(input);
      if (!host.ok) return { kind: 'not-applicable', reason: host.reason };
      if (isLocalName(host.host)) return { kind: 'not-applicable', reason: 'local' };
      const platform = lookupHost(host.host);
      return platform ? { kind: 'platform', host: host.host, platform } : { kind: 'unknown', host: host.host };
    },
  };
}
