/**
 * The background's answers about platforms: which platform a page belongs to (the shared host look-up over the
 * compiled host index, parsed once per start: a few dozen bytes per platform), and, on demand, a platform's full
 * disclosure from its slice of the dataset (loaded and kept for a while when the toolbar, a card or a link marker
 * needs it), framed for the user's region by the one framing function (`frame`, src/core/disclosure/framing.ts).
 */
import type { HostIndex, IndexedPlatform, PlatformSlice } from '../core/dataset/split.ts';
import { sliceSource } from '../core/dataset/split.ts';
import { buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { frame, type Framing } from '../core/disclosure/framing.ts';
import { createFormatters, type Formatters } from '../core/format.ts';
import { createHostLookup, matchedKey, type HostLookup } from '../core/lookup.ts';
import type { BadgeSummary, LinkMatch } from '../core/messaging/protocol.ts';
import type { Region } from '../core/settings/settings.ts';

type Translate = (key: string, substitutions?: string[]) => string;

export type Answerer = {
  index: HostIndex;
  lookup: HostLookup;
  byId(id: string): IndexedPlatform | undefined;
  locale: string;
  t: Translate;
  formatters(): Formatters;
  slice(id: string): Promise<PlatformSlice>;
};

/** Slices kept in memory: enough for the tabs a person switches between, small enough to stay light. */
const KEPT_SLICES = 8;

/**
 * `loadSlice` reads a platform's slice (a packaged file in the extension; tests pass the split dataset). `t` is
 * browser.i18n in the extension; tests pass their own. `locale` (the browser's) decides the user's region;
 * `displayLocale` (the messages') the formatting.
 */
export function createAnswerer(
  index: HostIndex,
  loadSlice: (id: string) => Promise<PlatformSlice>,
  locale = 'en',
  t: Translate = (key) => key,
  displayLocale = locale,
): Answerer {
  const ids = new Map(index.platforms.map((p) => [p.id, p]));
  const kept = new Map<string, Promise<PlatformSlice>>();
  let formatters: Formatters | undefined;
  return {
    index,
    lookup: createHostLookup(index.hosts),
    byId: (id) => ids.get(id),
    locale,
    t,
    // Built on first use, once per start: most starts of the background never write a sentence.
    formatters: () => (formatters ??= createFormatters(displayLocale)),
    slice(id) {
      let slice = kept.get(id);
      if (slice === undefined) {
        slice = loadSlice(id);
        slice.catch(() => kept.delete(id));
      } else kept.delete(id);
      kept.set(id, slice); // most recently used last
      for (const old of [...kept.keys()].slice(0, Math.max(0, kept.size - KEPT_SLICES))) kept.delete(old);
      return slice;
    },
  };
}

/** The platform a page belongs to and the key of the host table that matched (where a dismissal is kept). */
export function pageOf(answerer: Answerer, url: string): { platform: IndexedPlatform; key: string } | undefined {
  const result = answerer.lookup.lookup(url);
  if (result.kind !== 'platform') return undefined;
  const platform = answerer.index.platforms[result.index];
  const key = matchedKey(answerer.index.hosts, result.host);
  return platform && key ? { platform, key } : undefined;
}

/** The badge facts from the host index alone: no destination flagged (the regime's verdicts need the slice). */
export function unframedSummaryOf(platform: IndexedPlatform): BadgeSummary {
  return { platformId: platform.id, name: platform.name, countries: platform.countries, withoutAdequacy: [], actions: platform.actions };
}

/** A platform framed in the user's regime and language: the same `frame` the popup and the Markdown summary read. */
export async function framingOf(answerer: Answerer, platformId: string, region: Region): Promise<Framing> {
  const slice = await answerer.slice(platformId);
  return frame(buildDisclosure(sliceSource(slice), slice.platform), region, answerer.t, answerer.formatters());
}

/** The badge facts framed for the toolbar: the flagged destinations and the regime's own sentence about them. */
export async function framedSummaryOf(answerer: Answerer, platform: IndexedPlatform, region: Region): Promise<BadgeSummary> {
  const framing = await framingOf(answerer, platform.id, region);
  return { ...unframedSummaryOf(platform), withoutAdequacy: framing.flagged.map((d) => d.country), regimeNote: framing.regimeNote.slice(0, 1000) };
}

/** The popup's headline for a platform, in the user's regime and language (the in-page card shows it). */
export async function headlineOf(answerer: Answerer, platformId: string, region: Region): Promise<string> {
  return (await framingOf(answerer, platformId, region)).headline.slice(0, 2000);
}

/** For link markers: which of these hosts belong to a known platform, with what the marker shows. */
export async function linkMatches(answerer: Answerer, hosts: string[], region: Region): Promise<LinkMatch[]> {
  const found = [...new Set(hosts)].flatMap((host) => {
    const page = pageOf(answerer, `https://${host}/`);
    return page ? [{ host, platform: page.platform }] : [];
  });
  const headlines = new Map<string, Promise<string>>();
  for (const { platform } of found) if (!headlines.has(platform.id)) headlines.set(platform.id, headlineOf(answerer, platform.id, region));
  return Promise.all(
    found.map(async ({ host, platform }) => ({ host, platformId: platform.id, name: platform.name, countries: platform.countries, headline: await headlines.get(platform.id)! })),
  );
}
