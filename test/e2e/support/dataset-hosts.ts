/**
 * Every host of the compiled dataset the build used (src/generated/dataset.json), with what every surface must say
 * about it: the platform the shared look-up names, and whether the extension may see the page at all (a host under
 * its host permissions, where the in-page badge runs and the toolbar may read the URL). Hosts under the dataset's
 * public suffixes ("stops") are added: they belong to their own owners.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
/**
 * What follows the platform's name in the English toolbar tooltips that start with it, taken from the messages
 * ("$1 – possible data destinations: $2" gives " – possible data destinations: ", "$2: $1 regulatory ..." gives ": ").
 */
const AFTER_NAME = Object.entries(en)
  .filter(([key, { message }]) => key.startsWith('toolbarTitle') && /^\$\d/.test(message))
  .map(([, { message }]) => message.slice(2).split('$')[0]!);

/** The platform a toolbar tooltip names ("TikTok – possible data destinations: ..."), or null for the extension's own name. */
export function toolbarPlatform(title: string, text: string, names: string[]): string | null {
  const name = names.filter((n) => AFTER_NAME.some((after) => title.startsWith(`${n}${after}`))).sort((a, b) => b.length - a.length)[0];
  return name ?? (text === '' ? null : `unexpected toolbar "${text}" "${title}"`);
}
