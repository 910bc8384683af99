/**
 * Which pages the content script runs on: every host a person visits on a platform (main, regional, short-link
 * and legacy domains, and their subdomains), never app, CDN, API or tracking endpoints, never other sites.
 */
import type { CompiledDataset } from '../dataset/compile.ts';
import type { DomainPurpose } from '../dataset/schema.ts';
import { topmostHosts } from '../match/host-tree.ts';

const PAGE_PURPOSES: ReadonlySet<DomainPurpose> = new Set(['main', 'regional', 'shortlink', 'legacy', 'auth']);

export function pageDomains(dataset: CompiledDataset): string[] {
  return dataset.platforms.flatMap((p) => p.domains.filter((d) => PAGE_PURPOSES.has(d.purpose)).map((d) => d.domain));
}

/**
 * The match pattern of a platform host's pages: the host and every host under it. In Chromium and Firefox alike,
 * `*.` before a host matches that host itself as well as its subdomains, so one pattern per host is enough; fewer
 * patterns matter, because Chromium's work on every page grows with the extension's host permissions (issue #12).
 */
export const hostPattern = (host: string) => `*://*.${host}/*`;

/** The pages' patterns, one per platform host that is not under another one. */
export function contentScriptMatches(dataset: CompiledDataset): string[] {
  return topmostHosts(pageDomains(dataset)).map(hostPattern).sort();
}
