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

/**
 * The match pattern of a platform host's pages: the host and every host under it. In Chromium and Firefox alike,
 * `*.` before a host matches that host itself as well as its subdomains, so one pattern per host is enough; fewer
 * patterns matter, because Chromium's work on every page grows with the extension's host permissions (issue #12).
 */
export const hostPatterns = (host: string) => [`*://*.${host}/*`];

/** The hosts that lie under no other of them (google.com, not mail.google.com): their patterns cover the rest. */
export function topmostHosts(hosts: readonly string[]): string[] {
  const unique = [...new Set(hosts)];
  return unique.filter((h) => !unique.some((o) => h.endsWith(`.${o}`)));
}

/** The pages' patterns, one per platform host that is not under another one. */
export function contentScriptMatches(dataset: CompiledDataset): string[] {
  return topmostHosts(pageDomains(dataset)).flatMap(hostPatterns).sort();
}
