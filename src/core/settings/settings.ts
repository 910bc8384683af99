/**
 * The user's settings: one definition (zod/mini), defaults, and a reader that never fails. Whatever is in
 * storage (an older version, a value another extension or a bug wrote, garbage) comes out as valid settings:
 * each field that cannot be read falls back to its default on its own, so one bad value never costs the others.
 */
import * as z from 'zod/mini';

export const SETTINGS_VERSION = 1;

/** User regions, each framed by its own legal regime (data/regimes/<region>.json); "other" shows the facts alone. */
export const REGIONS = ['eu', 'uk', 'ch', 'us', 'ca', 'br', 'jp', 'kr', 'in', 'au', 'cn', 'other'] as const;
export type Region = (typeof REGIONS)[number];
export const BADGE_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export const TOOLBAR_STYLES = ['count', 'code', 'off'] as const;
export const DISPLAY_CURRENCIES = ['auto', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'JPY', 'AUD', 'BRL', 'KRW', 'INR', 'CNY'] as const;

const hostPattern = z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/));

/** Each field with its schema and default. `Settings` is derived from this one value. */
const fields = {
  version: [z.literal(SETTINGS_VERSION), SETTINGS_VERSION],
  enabled: [z.boolean(), true],
  /** null: take it from the browser's language (en-GB -> uk, de-AT -> eu, ...) */
  region: [z.nullable(z.enum(REGIONS)), null],
  /** ISO country of the user, for their national data-protection authority; null: from the browser's language */
  country: [z.nullable(z.string().check(z.regex(/^[A-Z]{2}$/))), null],
  inPageBadge: [z.boolean(), true],
  badgeCorner: [z.enum(BADGE_CORNERS), 'bottom-right'],
  /** hosts (registrable domains) where the in-page badge is not shown */
  siteExceptions: [z.array(hostPattern).check(z.maxLength(500)), []],
  toolbarBadge: [z.enum(TOOLBAR_STYLES), 'count'],
  currency: [z.enum(DISPLAY_CURRENCIES), 'auto'],
  recentYears: [z.number().check(z.int(), z.gte(1), z.lte(30)), 5],
  /** opt-in: markers after links to known platforms, on every site (needs access to all sites) */
  linkMarkers: [z.boolean(), false],
  history: [z.boolean(), false],
  historyDays: [z.number().check(z.int(), z.gte(1), z.lte(30)), 30],
} as const;

type Fields = typeof fields;
export type Settings = { -readonly [K in keyof Fields]: z.infer<Fields[K][0]> };

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  Object.entries(fields).map(([key, [, value]]) => [key, structuredClone(value)]),
) as unknown as Settings;

/**
 * Migrations from each earlier version to the next: `migrations[n]` turns version n into n + 1. A value without
 * a version number is version 0 (written before versioning: same field names). A release that changes a field
 * adds a step here, so settings written by any earlier release are read right; settings from a newer release
 * (after a downgrade) keep every field this release understands.
 */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => ({ ...old, version: 1 }),
};

export function readSettings(stored: unknown): Settings {
  let raw: Record<string, unknown> = stored !== null && typeof stored === 'object' && !Array.isArray(stored) ? { ...stored } : {};
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  while (version < SETTINGS_VERSION && migrations[version]) {
    raw = migrations[version]!(raw);
    version += 1;
  }
  const settings = { ...DEFAULT_SETTINGS };
  for (const [key, [schema, fallback]] of Object.entries(fields)) {
    const result = z.safeParse(schema as z.ZodMiniType, raw[key]);
    (settings as Record<string, unknown>)[key] = result.success ? result.data : structuredClone(fallback);
  }
  settings.version = SETTINGS_VERSION;
  return settings;
}

/** A change the options page asks for, applied on top of the current settings and read back through the schema. */
export function updateSettings(current: Settings, change: Partial<Settings>): Settings {
  return readSettings({ ...current, ...change, version: SETTINGS_VERSION });
}

const UK = new Set(['GB', 'IM', 'JE', 'GG']);
const EEA = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO']);

export function isEeaCountry(code: string): boolean {
  return EEA.has(code);
}

/** The country a browser language names (de-AT -> AT), if any. */
export function countryFromLocale(locale: string): string | null {
  try {
    return new Intl.Locale(locale).maximize().region ?? null;
  } catch {
    return null;
  }
}

/** Regions with one country each; a test keeps this in step with the regimes' `home` in data/regimes/. */
const SINGLE_COUNTRY: Partial<Record<string, Region>> = { CH: 'ch', US: 'us', CA: 'ca', BR: 'br', JP: 'jp', KR: 'kr', IN: 'in', AU: 'au', CN: 'cn' };

export function regionFromCountry(country: string | null): Region {
  if (country === null) return 'other';
  if (EEA.has(country)) return 'eu';
  if (UK.has(country)) return 'uk';
  return SINGLE_COUNTRY[country] ?? 'other';
}

/** The region and country in effect: the user's choice, else what the browser language says. */
export function effectiveRegion(settings: Settings, locale: string): { region: Region; country: string | null } {
  const country = settings.country ?? countryFromLocale(locale);
  return { region: settings.region ?? regionFromCountry(country), country };
}

/** Whether the in-page badge shows on a host, given the exceptions (a registrable domain covers its subdomains). */
export function badgeAllowedOn(settings: Settings, host: string): boolean {
  if (!settings.enabled || !settings.inPageBadge) return false;
  return !settings.siteExceptions.some((site) => host === site || host.endsWith(`.${site}`));
}
