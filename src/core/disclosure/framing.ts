/**
 * The same facts framed for the user's legal regime (data/regimes/<region>.json). One function, `frame`, turns a
 * disclosure and a region into every sentence and label that depends on the regime: the headline, the toolbar
 * tooltip's note, each destination's tag, the diagram's legend, "what you can do" and the access request's legal
 * basis. The popup, the in-page card (through the background's headline), the toolbar and the Markdown summary all
 * read it, so they cannot speak of different regimes.
 */
import type { CompiledDataset, CompiledRegime, RegimeEntry } from '../dataset/compile.ts';
import type { Adequacy, Jurisdiction, Law, Source } from '../dataset/schema.ts';
import type { Formatters } from '../format.ts';
import { REGIONS, type Region } from '../settings/settings.ts';
import type { Destination, Disclosure } from './build-disclosure.ts';

type Translate = (key: string, substitutions?: string[]) => string;

/**
 * What a destination country is in one regime. home: the user's own area. adequate / partial / none: on, partly
 * on, or missing from a complete list of countries data may go to freely. concern / unlisted: on, or not on, a list
 * of countries transfers to are restricted. unknown: the list could only be verified in part. abroad: the regime
 * has rules for every transfer and no list. unframed: no regime, the facts alone.
 */
export type VerdictStatus = 'home' | 'adequate' | 'partial' | 'none' | 'concern' | 'unlisted' | 'unknown' | 'abroad' | 'unframed';

export type Verdict = {
  status: VerdictStatus;
  /** the red mark and the red toolbar: data may go where this regime objects (no adequacy, or a country of concern) */
  flagged: boolean;
  /** the list's entry for the country, with the sources that show it */
  entry?: RegimeEntry & { sources: Source[] };
};

/** An entry of the EU's or the UK's list, kept per country with its decision in data/jurisdictions. */
function entryFromAdequacy(adequacy: Adequacy | undefined): (RegimeEntry & { sources: Source[] }) | undefined {
  if (adequacy === undefined || adequacy.status === 'none') return undefined;
  // EEA states count as on the UK's list: for a list, membership is what counts.
  return {
    status: adequacy.status === 'partial' ? 'partial' : 'adequate',
    ...(adequacy.scope && { scope: adequacy.scope }),
    ...(adequacy.decided && { decided: adequacy.decided }),
    sources: adequacy.sources,
  };
}

function listEntry(regime: CompiledRegime, country: string, jurisdictions: Record<string, Jurisdiction>): (RegimeEntry & { sources: Source[] }) | undefined {
  const from = regime.list?.fromJurisdictions;
  if (from) return entryFromAdequacy(jurisdictions[country]?.[from]);
  const entry = regime.entries[country];
  return entry && { ...entry, sources: entry.sources ?? regime.list?.sources ?? [] };
}

export function verdictFor(regime: CompiledRegime | undefined, country: string, jurisdictions: Record<string, Jurisdiction> = {}): Verdict {
  if (regime === undefined || regime.frame === 'none') return { status: 'unframed', flagged: false };
  if (regime.home.includes(country)) return { status: 'home', flagged: false };
  if (regime.frame === 'rules') return { status: 'abroad', flagged: false };
  const entry = listEntry(regime, country, jurisdictions);
  const complete = regime.list?.complete ?? false;
  if (regime.frame === 'concern') {
    if (entry) return { status: 'concern', flagged: true, entry };
    return { status: complete ? 'unlisted' : 'unknown', flagged: false };
  }
  if (entry) return { status: entry.status === 'partial' ? 'partial' : 'adequate', flagged: false, entry };
  return complete ? { status: 'none', flagged: true } : { status: 'unknown', flagged: false };
}

/** Every region's verdict on a country, computed once when a disclosure is built. */
export function verdictsFor(dataset: Pick<CompiledDataset, 'regimes' | 'jurisdictions'>, country: string): Record<Region, Verdict> {
  return Object.fromEntries(REGIONS.map((region) => [region, verdictFor(dataset.regimes?.[region], country, dataset.jurisdictions)])) as Record<Region, Verdict>;
}

const verdictOf = (destination: Destination, region: Region): Verdict => destination.verdicts[region] ?? { status: 'unframed', flagged: false };

/** Destinations this region's regime objects to: the red mark in the page, the red toolbar badge, the flag sentence. */
export function flaggedIn(disclosure: Disclosure, region: Region): Destination[] {
  return disclosure.destinations.filter((d) => verdictOf(d, region).flagged);
}

/**
 * The name this had when only adequacy regimes existed; kept because the build compiles the in-page badge's
 * flag from it for every region (a country of concern is "flagged" the same way).
 */
export const withoutAdequacy = flaggedIn;

/** The regime's label for one verdict ('' when the regime has nothing to say, as for users elsewhere). */
export function verdictLabel(status: VerdictStatus, region: Region, t: Translate): string {
  if (status === 'unframed') return '';
  if (status === 'unknown') return t('verdict_unknown');
  return t(`verdict_${region}_${status}`);
}

/** The plain sentence on where data goes, for every combination of storage, remote access and processing. */
export function flowSentence(d: Disclosure, t: Translate, f: Pick<Formatters, 'country' | 'list'>): string {
  const names = (list: Destination[]) => f.list(list.map((x) => f.country(x.country)));
  // A country where data is stored and from where it is also accessed is named in both lists: naming it only as a
  // place of access would leave the storage list looking complete when it is not (TikTok's policy names servers in
  // the United States, Singapore and Malaysia, from where staff also reach European data).
  const accessed = d.destinations.filter((x) => x.roles.some((r) => r.role === 'remote-access'));
  const stored = d.destinations.filter((x) => x.roles.some((r) => r.role === 'storage'));
  // Storing or reaching data is processing it too: "processed" names only the countries that are neither.
  const processed = d.destinations.filter((x) => !accessed.includes(x) && !stored.includes(x));
  const key = `headline${stored.length > 0 ? 'S' : ''}${accessed.length > 0 ? 'A' : ''}${processed.length > 0 ? 'P' : ''}`;
  if (key === 'headline') return t(d.flowStatement ? 'headlineStatement' : 'headlineNoFlows', [d.platform.name]);
  const args = [d.platform.name];
  if (stored.length > 0) args.push(names(stored));
  if (accessed.length > 0) args.push(names(accessed));
  if (processed.length > 0) args.push(names(processed));
  return t(key, args);
}

export type Framing = {
  region: Region;
  /** where data goes, then what the regime makes of it, then the laws that let a state reach data there */
  headline: string;
  /** the regime's own sentence about these destinations ('' when it has none): the toolbar tooltip adds it */
  regimeNote: string;
  flagged: Destination[];
  destinations: Array<{ destination: Destination; verdict: Verdict; label: string }>;
  /** the text of the red key in the diagram's legend ('' when the regime cannot flag) */
  legend: string;
  /** "what you can do" in this regime: the user's rights, in the interface's language */
  rights: string;
  /** the legal basis the ready access request cites */
  accessBasis: string;
};

const RULE_STATUSES: readonly VerdictStatus[] = ['abroad', 'unknown', 'unlisted'];

/** Regions whose regime can flag a destination: they have a flag sentence and a legend key. */
export const FLAGGING_REGIONS: readonly Region[] = ['eu', 'uk', 'ch', 'br', 'jp', 'kr', 'us', 'in'];

export function frame(d: Disclosure, region: Region, t: Translate, f: Pick<Formatters, 'country' | 'list'>): Framing {
  const names = (list: Destination[]) => f.list(list.map((x) => f.country(x.country)));
  const destinations = d.destinations.map((destination) => {
    const verdict = verdictOf(destination, region);
    return { destination, verdict, label: verdictLabel(verdict.status, region, t) };
  });
  const flagged = destinations.filter((x) => x.verdict.flagged).map((x) => x.destination);
  const abroad = destinations.some((x) => RULE_STATUSES.includes(x.verdict.status));
  const regimeNote = region === 'other' ? '' : flagged.length > 0 ? t(`regime_${region}_flag`, [names(flagged)]) : abroad ? t(`regime_${region}_rule`) : '';
  // The countries, not the laws: the first two law names were whichever country came first (a criminal-procedure
  // power before China's intelligence law for TikTok); each destination lists its own laws with their sources.
  const withLaws = flagged.filter((x) => x.laws.length > 0);
  // When every flagged country has one, naming them again after the regime's sentence would only repeat it.
  const lawSentence = withLaws.length === 0 ? '' : withLaws.length === flagged.length && regimeNote !== '' ? t('headlineLawsEach') : t('headlineLaws', [names(withLaws)]);
  const sentences = [flowSentence(d, t, f), regimeNote, lawSentence];
  // The red key is explained wherever the regime can flag, even when nothing is flagged here: its absence is news.
  const framed = destinations.length > 0 && destinations.every((x) => x.verdict.status !== 'unframed');
  const canFlag = framed && FLAGGING_REGIONS.includes(region);
  return {
    region,
    headline: sentences.filter((s) => s !== '').join(' '),
    regimeNote,
    flagged,
    destinations,
    legend: canFlag ? t(`regime_${region}_legend`) : '',
    rights: t(`regime_${region}_rights`),
    accessBasis: t(`accessBasis_${region}`),
  };
}

/** Laws of the user's own country that protect them against transfers abroad (e.g. PADFA for the US). */
export function homeLaws(dataset: Pick<CompiledDataset, 'regimes' | 'jurisdictions'>, region: Region): Law[] {
  const regime = dataset.regimes?.[region];
  if (regime === undefined) return [];
  const laws = regime.home.flatMap((code) => dataset.jurisdictions[code]?.laws ?? []);
  return regime.laws.flatMap((id) => laws.filter((law) => law.id === id && law.kind === 'user-protection'));
}
