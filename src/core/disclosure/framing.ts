/**
 * The same facts framed for the user's legal setting: which adequacy regime applies to a destination (the EU's
 * for users in the EU/EEA; the UK's own for users in the UK; the EU's, shown for reference, elsewhere) and which
 * of the user's own country's laws matter (for users in the US, the 2024 laws on transfers to foreign adversaries).
 */
import type { CompiledDataset } from '../dataset/compile.ts';
import type { Adequacy, Law } from '../dataset/schema.ts';
import { isEeaCountry, type Region } from '../settings/settings.ts';
import type { Destination, Disclosure } from './build-disclosure.ts';

export type AdequacyView = {
  scheme: 'eu' | 'uk';
  /** home: the destination is the user's own area (EEA for EU users, the UK for UK users) */
  status: Adequacy['status'] | 'home' | 'unknown';
  adequacy?: Adequacy;
  /** true when the EU's list is shown to a user outside the EU/EEA, for reference */
  reference: boolean;
};

const UK_AREA = new Set(['GB']);

export function adequacyFor(destination: Destination, region: Region): AdequacyView {
  if (region === 'uk') {
    if (UK_AREA.has(destination.country)) return { scheme: 'uk', status: 'home', reference: false };
    const uk = destination.ukAdequacy;
    return uk ? { scheme: 'uk', status: uk.status, adequacy: uk, reference: false } : { scheme: 'uk', status: 'unknown', reference: false };
  }
  const eu = destination.adequacy;
  const status = eu?.status ?? 'none';
  return {
    scheme: 'eu',
    status: region === 'eu' && status === 'eea' ? 'home' : status,
    ...(eu && { adequacy: eu }),
    reference: region !== 'eu',
  };
}

/** Destinations where data may leave the user's region for a country with no adequacy finding in their regime. */
export function withoutAdequacy(disclosure: Disclosure, region: Region): Destination[] {
  return disclosure.destinations.filter((d) => adequacyFor(d, region).status === 'none');
}

/** Laws of the user's own country that protect them against transfers abroad (e.g. PADFA, PAFACA for the US). */
export function homeLaws(dataset: Pick<CompiledDataset, 'jurisdictions'>, country: string | null, region: Region): Law[] {
  // The region decides: a browser language saying "US" does not bring US law into an EU user's popup.
  const code = region === 'us' ? 'US' : region === 'uk' ? 'GB' : region === 'ch' ? 'CH' : region === 'eu' && country !== null && isEeaCountry(country) ? country : null;
  if (code === null) return [];
  return (dataset.jurisdictions[code]?.laws ?? []).filter((law) => law.kind === 'user-protection');
}
