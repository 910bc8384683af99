/**
 * What the in-page badge's registered scripts hand the content script before it draws (issue #12: the badge is
 * drawn from data the script already has, with no asynchronous read before the first paint). The content script is
 * registered once, for every platform host, after the files with the user's region, the user's corner and the
 * badge's texts in the messages' locale; each platform host has a registration of its own with one small file: the
 * part of the host table its pages can reach, or, where the user hid the badge, a marker that says so (see
 * `badgeRegistrations`). Keeping the script in one registration matters: Chromium hands every renderer the files
 * of every registration, so a script listed once per host (439 times) slowed every page, platform or not.
 * The small files only set fields on one object in the content scripts' own global, which the page cannot see,
 * and call the content script if it is already waiting (the browser does not promise an order between two
 * registrations); the build writes them (vite.config.ts), the background registers them, and the content script
 * reads them through `readContentData`, falling back to asking the background (and the browser's i18n) when
 * anything is missing or malformed.
 */
import type { BadgeScript, BadgeTable, PlatformBadge } from './dataset/split.ts';
import { localeTag } from './i18n/display-locale.ts';
import type { Region } from './settings/settings.ts';

/** The property of the content scripts' global that the registered files fill in. */
export const CONTENT_GLOBAL = 'residencyLens';

export const BADGE_SCRIPT_PREFIX = 'badge:';
/**
 * The badge scripts' hosts and match patterns, and the _locales folders that have a texts file (every one, read
 * from src/_locales at build time), read by the background when it (re-)registers the scripts.
 */
export const BADGE_SCRIPTS_FILE = 'content/badge-scripts.json';
export type BadgeScriptsFile = { scripts: Array<Pick<BadgeScript, 'host' | 'matches' | 'excludeMatches'>>; locales: string[]; defaultLocale: string };
export const regionFile = (region: string) => `content/region-${region}.js`;
export const cornerFile = (corner: string) => `content/corner-${corner}.js`;
/** Hosts are lower-case letters, digits, dots and hyphens (the dataset's schema), so they make safe file names. */
export const tableFile = (host: string) => `content/hosts/${host}.js`;
/** Locales are the names of the folders in src/_locales (en, de, pt_BR). */
export const textFile = (locale: string) => `content/text-${locale}.js`;

/** Where the user hid the badge on a platform host that has longer hosts below it whose pages keep theirs. */
export const HIDDEN_FILE = 'content/hidden.js';
/** The function the content script leaves on the shared object when it ran before its host's file. */
export const ARRIVED = 'arrived';

const assign = (field: string, value: unknown) => `(globalThis.${CONTENT_GLOBAL} ??= {}).${field} = ${JSON.stringify(value)};\n`;
const thenNotify = `globalThis.${CONTENT_GLOBAL}.${ARRIVED}?.();\n`;
export const regionScript = (region: string) => assign('region', region);
export const cornerScript = (corner: string) => assign('corner', corner);
export const tableScript = (table: BadgeTable) => assign('table', table) + thenNotify;
export const hiddenScript = () => assign('hidden', true) + thenNotify;
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

const PAGE_SCRIPT_ID = `${BADGE_SCRIPT_PREFIX}page`;
/** The id of a platform host's own registration (hosts have dots, so none is "page"). */
export const hostScriptId = (host: string) => `${BADGE_SCRIPT_PREFIX}${host}`;
const hiddenScriptId = (host: string) => `${BADGE_SCRIPT_PREFIX}hide:${host}`;
const under = (host: string, parent: string) => host === parent || host.endsWith(`.${parent}`);

/**
 * The registrations the user's settings call for: none when the extension or the in-page badge is off. Otherwise
 * the content script once, on every platform host, after the user's region, corner and texts; and for each
 * platform host its part of the host table, registered for that host's pages only (its `matches` minus the longer
 * hosts that have their own, so that exactly one runs on a page: `badgeScripts` proves the part gives the whole
 * table's answer there).
 * Where the user hid the badge on a host, its pages must get no badge while the longer hosts below it keep theirs
 * (hiding it on Gmail keeps it on Google Search, and the other way round). When every platform host at or below it
 * is hidden, the content script's registration excludes them all, so nothing runs there; otherwise the hidden host
 * gets a marker file in place of its table (an exclusion would also take the longer hosts' pages away).
 */
export function badgeRegistrations(
  scripts: ReadonlyArray<Pick<BadgeScript, 'host' | 'matches' | 'excludeMatches'>>,
  display: { on: boolean; region: Region; corner: string; locale: string; hidden: readonly string[] },
  contentScript: string,
): Registration[] {
  if (!display.on || scripts.length === 0) return [];
  const hidden = new Set(scripts.filter((s) => display.hidden.includes(s.host)).map((s) => s.host));
  const allHiddenBelow = (host: string) => scripts.every((s) => !under(s.host, host) || hidden.has(s.host));
  const excluded = scripts.filter((s) => hidden.has(s.host) && allHiddenBelow(s.host));
  // Only the highest of the excluded hosts: their patterns cover the ones below.
  const highest = excluded.filter((s) => !excluded.some((o) => o !== s && under(s.host, o.host)));
  const page: Registration = {
    id: PAGE_SCRIPT_ID,
    matches: [...new Set(scripts.flatMap((s) => s.matches))],
    excludeMatches: highest.flatMap((s) => s.matches),
    js: [regionFile(display.region), cornerFile(display.corner), textFile(display.locale), contentScript],
  };
  const perHost = scripts
    .filter((s) => !excluded.some((e) => under(s.host, e.host)))
    .map((s) =>
      hidden.has(s.host)
        ? { id: hiddenScriptId(s.host), matches: s.matches, excludeMatches: s.excludeMatches, js: [HIDDEN_FILE] }
        : { id: hostScriptId(s.host), matches: s.matches, excludeMatches: s.excludeMatches, js: [tableFile(s.host)] },
    );
  return [page, ...perHost];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCountryList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 60 && v.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c));
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

export type ContentData = { region: string; corner: string; table: BadgeTable; text?: BadgeTexts };

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
  return { region: data.region, corner: data.corner, table: table as BadgeTable, ...(textOk && { text: text as BadgeTexts }) };
}

/** The badge of a platform the table points to, with the destinations flagged in the user's region, if well-formed. */
export function badgeOf(data: ContentData, index: number): { platform: PlatformBadge; flagged: string[] } | undefined {
  const p: unknown = data.table.platforms[index];
  if (!isObject(p) || typeof p.id !== 'string' || typeof p.name !== 'string' || p.name.length === 0 || p.name.length > 200 || !isCountryList(p.countries)) return undefined;
  const flagged = isObject(p.flagged) ? p.flagged[data.region] : undefined;
  return isCountryList(flagged) ? { platform: p as PlatformBadge, flagged } : undefined;
}
