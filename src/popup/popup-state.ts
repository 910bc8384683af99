/** What the popup shows for a tab, decided from its URL and the user's settings alone. */
import type { CompiledDataset, CompiledRegime } from '../core/dataset/compile.ts';
import type { Authority, ExchangeRates, Law } from '../core/dataset/schema.ts';
import { buildDisclosure, type Disclosure } from '../core/disclosure/build-disclosure.ts';
import { homeLaws } from '../core/disclosure/framing.ts';
import { createPlatformLookup } from '../core/lookup.ts';
import { effectiveRegion, type Region, type Settings } from '../core/settings/settings.ts';

export type PopupContext = {
  region: Region;
  /** the legal regime of the region, from data/regimes/ (absent: the facts alone) */
  regime?: CompiledRegime;
  country: string | null;
  /** display currency for conversions: the user's choice, else the region's */
  currency: string;
  recentYears: number;
  today: string;
  datasetVersion: string;
  reviewed: { newest: string; oldest: string };
  /** the user's own data-protection authority, from the region setting */
  nationalAuthority?: Authority & { id: string };
  homeLaws: Law[];
  rates?: ExchangeRates;
  /** where "report a correction" leads: the project's public issue tracker */
  issueUrl: string;
};

export type PopupState =
  | { kind: 'platform'; disclosure: Disclosure; host: string }
  | { kind: 'switched-off'; host: string; platformName?: string; everywhere: boolean }
  | { kind: 'unknown'; host: string | undefined }
  | { kind: 'not-a-website' };

export function popupContext(dataset: CompiledDataset, settings: Settings, locale: string, today: string, issueUrl: string): PopupContext {
  const { region, country } = effectiveRegion(settings, locale);
  const regime = dataset.regimes?.[region];
  // The regime names the users' authority; in the EU/EEA (and elsewhere) it is the one of the user's country.
  const authorityId =
    regime?.authority ??
    (region === 'eu' || region === 'other' ? Object.entries(dataset.authorities).find(([, a]) => a.kind === 'dpa' && a.country === country)?.[0] : undefined);
  const authority = authorityId ? dataset.authorities[authorityId] : undefined;
  return {
    region,
    ...(regime && { regime }),
    country,
    currency: settings.currency === 'auto' ? (regime?.currency ?? 'EUR') : settings.currency,
    recentYears: settings.recentYears,
    today,
    datasetVersion: dataset.version,
    reviewed: dataset.reviewed,
    ...(authority && authorityId && { nationalAuthority: { ...authority, id: authorityId } }),
    homeLaws: homeLaws(dataset, region),
    ...(dataset.exchangeRates && { rates: dataset.exchangeRates }),
    issueUrl,
  };
}

export function popupState(dataset: CompiledDataset, settings: Settings, url: string | undefined): PopupState {
  // No URL means the browser did not let us read it: a site that is no platform (only platform hosts are readable).
  if (url === undefined) return { kind: 'unknown', host: undefined };
  const result = createPlatformLookup(dataset).lookup(url);
  if (result.kind === 'not-applicable') return result.reason === 'not-web' ? { kind: 'not-a-website' } : { kind: 'unknown', host: undefined };
  if (!settings.enabled) {
    return { kind: 'switched-off', host: result.host, everywhere: true, ...(result.kind === 'platform' && { platformName: result.platform.name }) };
  }
  if (result.kind === 'unknown') return { kind: 'unknown', host: result.host };
  return { kind: 'platform', disclosure: buildDisclosure(dataset, result.platform), host: result.host };
}
