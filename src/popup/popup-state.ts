/**
 * What the popup shows for a tab, decided from its URL and the user's settings alone: first which platform (the
 * background's answer, from the shared host look-up over its host index: the popup bundles none), then that
 * platform's disclosure (from its slice of the dataset, the only part of it the popup gets).
 */
import type { CompiledDataset, CompiledPlatform, CompiledRegime } from '../core/dataset/compile.ts';
import type { CommonData } from '../core/dataset/split.ts';
import type { Authority, ExchangeRates, Law } from '../core/dataset/schema.ts';
import { buildDisclosure, type Disclosure, type DisclosureSource } from '../core/disclosure/build-disclosure.ts';
import { homeLaws } from '../core/disclosure/framing.ts';
import { pageMatch } from '../core/lookup.ts';
import type { PageMatch } from '../core/messaging/protocol.ts';
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

export function popupContext(dataset: CommonData, settings: Settings, locale: string, today: string, issueUrl: string): PopupContext {
  const { region, country } = effectiveRegion(settings, locale);
  const regime = dataset.regimes?.[region];
  // The regime names the users' authority; in the EU/EEA (and elsewhere) it is the one of the user's country.
  const authorityId =
    regime?.authority ??
    (region === 'eu' || region === 'other' ? Object.entries(dataset.authorities).find(([, a]) => a.kind === 'dpa' && a.country === country && !a.subnational)?.[0] : undefined);
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

/** Which platform the tab shows, before anything about it is loaded. */
export type PopupTarget = Exclude<PopupState, { kind: 'platform' }> | { kind: 'platform'; platformId: string; host: string };

/**
 * From what the background matched for the tab's URL (`pageMatch`, src/core/lookup.ts) and the settings.
 * `page` is undefined when the browser did not let us read the URL: a site that is no platform (only platform hosts
 * are readable).
 */
export function popupTarget(page: PageMatch | undefined, settings: Settings): PopupTarget {
  if (page === undefined) return { kind: 'unknown', host: undefined };
  if (page.kind === 'not-applicable') return page.notWeb ? { kind: 'not-a-website' } : { kind: 'unknown', host: undefined };
  if (!settings.enabled) return { kind: 'switched-off', host: page.host, everywhere: true, ...(page.kind === 'platform' && { platformName: page.name }) };
  if (page.kind !== 'platform') return { kind: 'unknown', host: page.host };
  return { kind: 'platform', platformId: page.platformId, host: page.host };
}

/** The state once the platform's data is there: its slice as the source, or the whole dataset (tests). */
export function stateOf(target: PopupTarget, source?: DisclosureSource, platform?: CompiledPlatform): PopupState {
  if (target.kind !== 'platform') return target;
  return source && platform ? { kind: 'platform', disclosure: buildDisclosure(source, platform), host: target.host } : { kind: 'unknown', host: target.host };
}

/** Both steps over the whole compiled dataset (tests, screenshots). */
export function popupState(dataset: CompiledDataset, settings: Settings, url: string | undefined): PopupState {
  const target = popupTarget(url === undefined ? undefined : pageMatch(dataset, url), settings);
  return stateOf(target, dataset, target.kind === 'platform' ? dataset.platforms.find((p) => p.id === target.platformId) : undefined);
}
