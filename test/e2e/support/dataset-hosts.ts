/**
 * Every host of the compiled dataset the build used (src/generated/dataset.json), with what every surface must say
 * about it: the platform the shared look-up names, and whether the extension may see the page at all (a host under
 * its host permissions, where the in-page badge runs and the toolbar may read the URL). Hosts under the dataset's
 * public suffixes ("stops") are added: they belong to their own owners.
 */
import type { CompiledDataset } from '../../../src/core/dataset/compile.ts';
import { createPlatformLookup } from '../../../src/core/lookup.ts';
import { pageDomains } from '../../../src/core/manifest/match-patterns.ts';
import datasetJson from '../../../src/generated/dataset.json';

export type HostCase = { host: string; url: string; platform: string | null; visible: boolean };

export function datasetHostCases(): HostCase[] {
  const dataset = datasetJson as unknown as CompiledDataset;
  const lookup = createPlatformLookup(dataset);
  const pages = pageDomains(dataset);
  const hosts = [...Object.keys(dataset.hosts.keys), ...dataset.hosts.stops.map((stop) => `someone.${stop}`)].sort();
  return hosts.map((host) => {
    const url = `https://${host}/`;
    const result = lookup.lookup(url);
    return { host, url, platform: result.kind === 'platform' ? result.platform.name : null, visible: pages.some((p) => host === p || host.endsWith(`.${p}`)) };
  });
}

/** The platform a toolbar tooltip names ("TikTok: data may go to ..."), or null for the extension's own name. */
export function toolbarPlatform(title: string, text: string, names: string[]): string | null {
  const name = names.filter((n) => title.startsWith(`${n}: `)).sort((a, b) => b.length - a.length)[0];
  return name ?? (text === '' ? null : `unexpected toolbar "${text}" "${title}"`);
}
