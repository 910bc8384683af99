/**
 * What the in-page badge's registered scripts hand the content script before it runs (issue #12: the badge is
 * drawn from data the script already has, with no asynchronous read before the first paint). Each registration
 * lists, in order: the user's region, the user's corner, the host table of its platform host, then the content
 * script (see `badgeRegistrations`). The small files only set fields on one object in the content scripts' own
 * global, which the page cannot see; the build writes them (vite.config.ts), the background registers them, and
 * the content script reads them through `readContentData`, falling back to asking the background when anything
 * is missing or malformed.
 */
import type { BadgeScript, HostIndex, PlatformBadge } from './dataset/split.ts';
import type { Region } from './settings/settings.ts';

/** The property of the content scripts' global that the registered files fill in. */
export const CONTENT_GLOBAL = 'residencyLens';

export const BADGE_SCRIPT_PREFIX = 'badge:';
/** The badge scripts' hosts and match patterns, read by the background when it (re-)registers them. */
export const BADGE_SCRIPTS_FILE = 'content/badge-scripts.json';
export const regionFile = (region: string) => `content/region-${region}.js`;
export const cornerFile = (corner: string) => `content/corner-${corner}.js`;
/** Hosts are lower-case letters, digits, dots and hyphens (the dataset's schema), so they make safe file names. */
export const tableFile = (host: string) => `content/hosts/${host}.js`;

const assign = (field: string, value: unknown) => `(globalThis.${CONTENT_GLOBAL} ??= {}).${field} = ${JSON.stringify(value)};\n`;
export const regionScript = (region: string) => assign('region', region);
export const cornerScript = (corner: string) => assign('corner', corner);
export const tableScript = (table: HostIndex) => assign('table', table);

export type Registration = { id: string; matches: string[]; excludeMatches: string[]; js: string[] };

/**
 * The registrations the user's settings call for: none when the extension or the in-page badge is off, and no
 * script for a platform host where the user hid the badge (see `badgeScripts` for why that hides it there only).
 */
export function badgeRegistrations(
  scripts: ReadonlyArray<Pick<BadgeScript, 'host' | 'matches' | 'excludeMatches'>>,
  display: { on: boolean; region: Region; corner: string; hidden: readonly string[] },
  contentScript: string,
): Registration[] {
  if (!display.on) return [];
  return scripts
    .filter((s) => !display.hidden.includes(s.host))
    .map((s) => ({
      id: `${BADGE_SCRIPT_PREFIX}${s.host}`,
      matches: s.matches,
      excludeMatches: s.excludeMatches,
      js: [regionFile(display.region), cornerFile(display.corner), tableFile(s.host), contentScript],
    }));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountryList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 60 && v.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c));
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export type ContentData = { region: string; corner: string; table: HostIndex };

/** The delivered data, if all of it is there and well-formed (checked lightly: it comes from the extension's own files). */
export function readContentData(global: unknown): ContentData | undefined {
  const data = isObject(global) ? global[CONTENT_GLOBAL] : undefined;
  if (!isObject(data) || typeof data.region !== 'string' || typeof data.corner !== 'string' || !CORNERS.includes(data.corner)) return undefined;
  const table = data.table;
  if (!isObject(table) || !isObject(table.hosts) || !Array.isArray(table.platforms)) return undefined;
  const { keys, stops } = table.hosts;
  if (!isObject(keys) || !Array.isArray(stops) || !stops.every((s) => typeof s === 'string')) return undefined;
  if (!Object.values(keys).every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < (table.platforms as unknown[]).length)) return undefined;
  return { region: data.region, corner: data.corner, table: table as HostIndex };
}

/** The badge of a platform the table points to, with the destinations flagged in the user's region, if well-formed. */
export function badgeOf(data: ContentData, index: number): { platform: PlatformBadge; flagged: string[] } | undefined {
  const p: unknown = data.table.platforms[index];
  if (!isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 200 || !isCountryList(p.countries)) return undefined;
  const flagged = isObject(p.flagged) ? p.flagged[data.region] : undefined;
  return isCountryList(flagged) ? { platform: p as PlatformBadge, flagged } : undefined;
}
