/** The dataset and the look-up, built once per background start (cheap: no state to lose on a restart). */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { badgeSummary, buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { frame } from '../core/disclosure/framing.ts';
import { createFormatters, type Formatters } from '../core/format.ts';
import { createPlatformLookup, type PlatformLookup } from '../core/lookup.ts';
import type { BadgeSummary, LinkMatch } from '../core/messaging/protocol.ts';
import { DEFAULT_SETTINGS, effectiveRegion, type Settings } from '../core/settings/settings.ts';

type Translate = (key: string, substitutions?: string[]) => string;
export type Answerer = { dataset: CompiledDataset; lookup: PlatformLookup; locale: string; t: Translate; f: Formatters };

/**
 * `t` is browser.i18n in the extension; tests pass their own. `locale` (the browser's) decides the user's region;
 * `displayLocale` (the messages') the formatting.
 */
export function createAnswerer(dataset: CompiledDataset, locale = 'en', t: Translate = (key) => key, displayLocale = locale): Answerer {
  // Formatters are built once: a headline is made for every platform domain when the settings change.
  return { dataset, lookup: createPlatformLookup(dataset), locale, t, f: createFormatters(displayLocale) };
}

/**
 * The badge facts for a page, framed by the user's own legal regime: the red mark, the in-page card's headline
 * and the toolbar tooltip's note all come from the one `frame` the popup and the Markdown summary use.
 */
export function summaryForUrl(answerer: Answerer, url: string, settings: Settings = DEFAULT_SETTINGS): BadgeSummary | null {
  const result = answerer.lookup.lookup(url);
  if (result.kind !== 'platform') return null;
  const disclosure = buildDisclosure(answerer.dataset, result.platform);
  const { region } = effectiveRegion(settings, answerer.locale);
  const framing = frame(disclosure, region, answerer.t, answerer.f);
  return {
    ...badgeSummary(disclosure, region),
    withoutAdequacy: framing.flagged.map((d) => d.country),
    headline: framing.headline.slice(0, 2000),
    regimeNote: framing.regimeNote.slice(0, 1000),
  };
}

/** For link markers: which of these hosts belong to a known platform, with what the marker shows. */
export function linkMatches(answerer: Answerer, hosts: string[], settings: Settings): LinkMatch[] {
  return [...new Set(hosts)].flatMap((host) => {
    const summary = summaryForUrl(answerer, `https://${host}/`, settings);
    return summary ? [{ host, platformId: summary.platformId, name: summary.name, countries: summary.countries, headline: summary.headline }] : [];
  });
}
