/**
 * Which pages the content script runs on: every host a person visits on a platform (main, regional, short-link
 * and legacy domains, and their subdomains), never app, CDN, API or tracking endpoints, never other sites.
 */
import type { CompiledDataset } from '../dataset/compile.ts';
import type { DomainPurpose } from '../dataset/schema.ts';

const PAGE_PURPOSES: ReadonlySet<DomainPurpose> = new Set(['main', 'regional', 'shortlink', 'legacy', 'auth']);

export function pageDomains(dataset: CompiledDataset): string[] {
  return dataset.platforms.flatMap((p) => p.domains.filter((d) => PAGE_PURPOSES.has(d.purpose)).map((d) => d.domain));
}

/** The match patterns of a platform host's pages: the host and every host under it. */
export const hostPatterns = (host: string) => [`*://${host}/*`, `*://*.${host}/*`];

export function contentScriptMatches(dataset: CompiledDataset): string[] {
  return [...new Set(pageDomains(dataset).flatMap(hostPatterns))].sort();
}
