/**
 * What the in-page badge's registered scripts hand the content script before it draws (issue #12: the badge is
 * drawn from data the script already has, with no asynchronous read before the first paint). The platform hosts
 * are cut into a few groups of whole host trees (`badgeGroups`); each group is one registration, for its hosts'
 * pages: files with the user's region, the user's corner and the badge's texts in the messages' locale, a marker
 * for each of its hosts where the user hid the badge, the group's part of the host table, then the content script.
 * A registration runs its files in order, so the script finds everything in place when it starts. Few
 * registrations matter: Chromium's cost on every page grows with their number times the host permissions (see
 * `badgeGroups`). The small files only set fields on one object in the content scripts' own global, which the page
 * cannot see; the build writes them (vite.config.ts), the background registers them, and the content script
 * reads them through `readContentData`, falling back to asking the background (and the browser's i18n) when
 * anything is missing or malformed.
 */
import type { BadgeGroup, BadgeTable, PlatformBadge } from './dataset/split.ts';
import { hostPattern } from './manifest/match-patterns.ts';
import { isAtOrUnder, topmostHosts } from './match/host-tree.ts';
import { localeTag } from './i18n/display-locale.ts';
import type { Region } from './settings/settings.ts';

/** The property of the content scripts' global that the registered files fill in. */
export const CONTENT_GLOBAL = 'residencyLens';

export const BADGE_SCRIPT_PREFIX = 'badge:';
/**
 * The badge's groups (their roots and hosts), and the _locales folders that have a texts file (every one, read
 * from src/_locales at build time), read by the background when it (re-)registers the scripts.
 */
export const BADGE_SCRIPTS_FILE = 'content/badge-scripts.json';
export type BadgeGroupEntry = Pick<BadgeGroup, 'id' | 'roots' | 'hosts'>;
export type BadgeScriptsFile = { groups: BadgeGroupEntry[]; locales: string[]; defaultLocale: string };
export const regionFile = (region: string) => `content/region-${region}.js`;
export const cornerFile = (corner: string) => `content/corner-${corner}.js`;
export const groupFile = (id: string) => `content/groups/${id}.js`;
/** Hosts are lower-case letters, digits, dots and hyphens (the dataset's schema), so they make safe file names. */
export const hideFile = (host: string) => `content/hide/${host}.js`;
/** Locales are the names of the folders in src/_locales (en, de, pt_BR). */
export const textFile = (locale: string) => `content/text-${locale}.js`;

/**
 * Objects go in as JSON.parse of a string: V8 compiles a 16 KB object literal in about 8 ms on the page's main
 * thread before running it (measured in a trace of a platform page), a string literal and JSON.parse in a fraction.
 */
const assign = (field: string, value: unknown) =>
  `(globalThis.${CONTENT_GLOBAL} ??= {}).${field} = ${typeof value === 'object' && value !== null ? `JSON.parse(${JSON.stringify(JSON.stringify(value))})` : JSON.stringify(value)};\n`;
export const regionScript = (region: string) => assign('region', region);
export const cornerScript = (corner: string) => assign('corner', corner);
export const tableScript = (table: BadgeTable) => assign('table', table);
/** A platform host where the user hid the badge: its pages get none (the key the matcher stops at, as dismissals are kept). */
export const hideScript = (host: string) => `((globalThis.${CONTENT_GLOBAL} ??= {}).hidden ??= {})[${JSON.stringify(host)}] = true;\n`;
export const textScript = (text: BadgeTexts) => assign('text', text);

/** The messages the badge shows (src/_locales), and the country names it may show, in one locale. */
export const BADGE_MESSAGES = ['badgeDataTo', 'badgeNoFlows', 'badgeDismiss', 'badgeLabel', 'badgeLabelNoFlows', 'badgeMore'] as const;
export type BadgeTexts = {
  messages: Record<(typeof BADGE_MESSAGES)[number], string>;
  countries: Record<string, string>;
  /** the messages' language (a BCP 47 tag) and its writing direction, set on the badge so the page's cannot apply */
  lang: string;
  dir: 'ltr' | 'rtl';
};

type TextInfo = { direction?: string };
type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

/** A message with its named placeholders ($PLATFORM$, case-insensitive) replaced by their content ($1), as i18n does. */
function withPlaceholders(entry: MessageEntry | undefined): string {
  if (!entry) return '';
  const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message.replace(/\$([\w@]+)\$/g, (whole, name: string) => named[name.toLowerCase()] ?? whole);
}

/** The writing direction of a language, from Intl (`getTextInfo()` in newer engines, `textInfo` in older ones). */
function directionOf(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * The badge's texts for one _locales folder, made at build time from its messages.json and Intl (Node's), in that
 * folder's language (as display-locale.ts has every surface follow its messages): reading messages and building
 * Intl's region names in a page as it loads cost the page tens of milliseconds, before the first paint.
 */
export function badgeTexts(messages: Record<string, MessageEntry>, folder: string, countries: readonly string[]): BadgeTexts {
  const lang = localeTag(folder);
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return {
    messages: Object.fromEntries(BADGE_MESSAGES.map((key) => [key, withPlaceholders(messages[key])])) as BadgeTexts['messages'],
    countries: Object.fromEntries([...countries].sort().map((code) => [code, names.of(code) ?? code])),
    lang,
    dir: directionOf(lang),
  };
}

/** A message with its substitutions, as browser.i18n.getMessage fills them: $1 to $9, and $$ for a dollar sign. */
export function fillMessage(template: string, substitutions: readonly string[] = []): string {
  return template.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (substitutions[Number(token) - 1] ?? '')));
}

export type Registration = { id: string; matches: string[]; excludeMatches: string[]; js: string[] };

/**
 * The registrations the user's settings call for: none when the extension or the in-page badge is off; otherwise
 * one per group, for the pages of its roots (`badgeGroups` makes them so that exactly one group runs on a page).
 * Where the user hid the badge on a host, the pages whose longest platform host is that one must get no badge,
 * while the longer hosts below it keep theirs (hiding it on Gmail keeps it on Google Search, and the other way
 * round). Where every platform host at or under a hidden one is hidden too, its pages are excluded from the
 * registration, so nothing runs there; otherwise the group's files include a marker for it, and the content script
 * draws nothing when the host it matched carries one. A group whose every host is hidden is not registered.
 */
export function badgeRegistrations(
  groups: readonly BadgeGroupEntry[],
  display: { on: boolean; region: Region; corner: string; locale: string; hidden: readonly string[] },
  scripts: { badge: string; api: string },
): Registration[] {
  if (!display.on) return [];
  const hidden = new Set(display.hidden);
  return groups.flatMap((group) => {
    const allHiddenAt = (host: string) => group.hosts.every((h) => !isAtOrUnder(h, host) || hidden.has(h));
    const excluded = group.hosts.filter((h) => hidden.has(h) && allHiddenAt(h));
    if (group.roots.every((root) => excluded.includes(root))) return [];
    // Only the highest excluded hosts: their patterns cover the ones below.
    const highest = topmostHosts(excluded);
    const marked = group.hosts.filter((h) => hidden.has(h) && !excluded.includes(h));
    return [{
      id: `${BADGE_SCRIPT_PREFIX}${group.id}`,
      matches: group.roots.map(hostPattern),
      excludeMatches: highest.map(hostPattern),
      // The data files, the badge's script, then its way to the extension API, which the first draw does not need.
      js: [regionFile(display.region), cornerFile(display.corner), textFile(display.locale), ...marked.map(hideFile), groupFile(group.id), scripts.badge, scripts.api],
    }];
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountryList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 60 && v.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c));
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export type ContentData = { region: string; corner: string; table: BadgeTable; text?: BadgeTexts; hidden: ReadonlySet<string> };

/** The delivered data, if all of it is there and well-formed (checked lightly: it comes from the extension's own files). */
export function readContentData(global: unknown): ContentData | undefined {
  const data = isObject(global) ? global[CONTENT_GLOBAL] : undefined;
  if (!isObject(data) || typeof data.region !== 'string' || typeof data.corner !== 'string' || !CORNERS.includes(data.corner)) return undefined;
  const table = data.table;
  if (!isObject(table) || !isObject(table.hosts) || !Array.isArray(table.platforms)) return undefined;
  const { keys, stops } = table.hosts;
  if (!isObject(keys) || !Array.isArray(stops) || !stops.every((s) => typeof s === 'string')) return undefined;
  if (!Object.values(keys).every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < (table.platforms as unknown[]).length)) return undefined;
  const text = data.text;
  const textOk =
    isObject(text) &&
    isObject(text.messages) &&
    isObject(text.countries) &&
    typeof text.lang === 'string' &&
    (text.dir === 'ltr' || text.dir === 'rtl') &&
    BADGE_MESSAGES.every((key) => typeof (text.messages as Record<string, unknown>)[key] === 'string');
  const hidden = new Set(isObject(data.hidden) ? Object.keys(data.hidden).filter((host) => (data.hidden as Record<string, unknown>)[host] === true) : []);
  return { region: data.region, corner: data.corner, table: table as BadgeTable, hidden, ...(textOk && { text: text as BadgeTexts }) };
}

/** The badge of a platform the table points to, with the destinations flagged in the user's region, if well-formed. */
export function badgeOf(data: ContentData, index: number): { platform: PlatformBadge; flagged: string[] } | undefined {
  const p: unknown = data.table.platforms[index];
  if (!isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 200 || !isCountryList(p.countries)) return undefined;
  const flagged = isObject(p.flagged) ? p.flagged[data.region] : undefined;
  return isCountryList(flagged) ? { platform: p as PlatformBadge, flagged } : undefined;
}
