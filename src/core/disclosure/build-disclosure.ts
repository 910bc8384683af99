/**
 * What the extension says about one platform, assembled from the compiled dataset: responsible companies,
 * destination countries with what happens there and their legal position, the regulatory actions newest
 * first, and the company's stated position. Every context (popup, content script via the background,
 * command line) shows a projection of this one model.
 */
import type { CompiledDataset, CompiledPlatform } from '../dataset/compile.ts';
import type { Action, Adequacy, Authority, Entity, FlowRole, Law, Source } from '../dataset/schema.ts';
import type { Region } from '../settings/settings.ts';
import { verdictsFor, type Verdict } from './framing.ts';

export type DestinationRole = { role: FlowRole; detail?: string; programme?: string; since?: string; until?: string; sources: Source[] };

export type Destination = {
  country: string;
  roles: DestinationRole[];
  /** The EU's adequacy status of the country (for users in the EU/EEA, and for reference elsewhere). */
  adequacy: Adequacy | undefined;
  /** The UK's own adequacy status (for users in the UK), where the dataset has it. */
  ukAdequacy: Adequacy | undefined;
  /** What the country is in each region's legal regime (see framing.ts). */
  verdicts: Record<Region, Verdict>;
  laws: Law[];
};

export type DisclosedAction = Action & {
  authorityInfo: Authority | undefined;
  /** The platform whose file holds the action (differs when it reaches this one through `alsoConcerns`). */
  platformId: string;
};

export type Disclosure = {
  platform: { id: string; name: string; category: string };
  operator?: Entity;
  parent?: Entity;
  leadAuthority?: Authority & { id: string };
  privacyContact?: CompiledPlatform['privacyContact'];
  /** Countries user data may go to or be reached from (storage, remote access, processing), in that order. */
  destinations: Destination[];
  /** Where the responsible companies sit: not where data is, but whose law applies to them. */
  seats: Destination[];
  /**
   * Flows and seats a source says ended (`until`): LINE's remote access from China until March 2021. Shown apart,
   * as history; never in the headline, the badge or the flags, which say where data goes now.
   */
  earlier: Destination[];
  /** The service was shut down: when, what became of it, with sources. Everything else is about the time it ran. */
  retired?: CompiledPlatform['retired'];
  /** What the operator says about where data goes when no source names a country (its words in the sources). */
  flowStatement?: CompiledPlatform['flowStatement'];
  transferMechanisms: CompiledPlatform['transferMechanisms'];
  actions: DisclosedAction[];
  positions: CompiledPlatform['positions'];
  counts: {
    actions: number;
    fines: number;
    fineTotals: Array<{ currency: string; amount: number }>;
    transferFindings: number;
    underAppeal: number;
    /** actions whose status after the decision is not known ("no-later-info"): never counted as final */
    statusUnknown: number;
  };
  reviewed: string;
  datasetVersion: string;
};

const DATA_ROLES: readonly FlowRole[] = ['storage', 'remote-access', 'processing'];

/**
 * What a disclosure is built from: the whole compiled dataset, or one platform's slice of it (see
 * `src/core/dataset/split.ts`). Only the owners of actions are needed besides the platform itself.
 */
export type DisclosureSource = Pick<CompiledDataset, 'version' | 'authorities' | 'jurisdictions' | 'regimes'> & {
  platforms: ReadonlyArray<Pick<CompiledPlatform, 'id' | 'actions'>>;
};

function groupByCountry(
  entries: Array<{ country: string } & DestinationRole>,
  dataset: DisclosureSource,
): Destination[] {
  const byCountry = new Map<string, Destination>();
  for (const { country, ...role } of entries) {
    let destination = byCountry.get(country);
    if (destination === undefined) {
      const jurisdiction = dataset.jurisdictions[country];
      destination = {
        country,
        roles: [],
        adequacy: jurisdiction?.euAdequacy,
        ukAdequacy: jurisdiction?.ukAdequacy,
        verdicts: verdictsFor(dataset, country),
        laws: (jurisdiction?.laws ?? []).filter((law) => law.kind === 'state-access'),
      };
      byCountry.set(country, destination);
    }
    destination.roles.push(role);
  }
  return [...byCountry.values()];
}

function roleRank(destination: Destination): number {
  return Math.min(...destination.roles.map((r) => DATA_ROLES.indexOf(r.role)).filter((i) => i >= 0));
}

/** A flow whose end a source dates: `until` is always a past end (see the schema). */
const ended = (flow: { until?: string }) => flow.until !== undefined;

export function buildDisclosure(dataset: DisclosureSource, platform: CompiledPlatform): Disclosure {
  const dataFlows = platform.flows.filter((flow) => DATA_ROLES.includes(flow.role) && !ended(flow));
  // Stable sort: storage countries first, then remote access, then processing; file order within each.
  const destinations = groupByCountry(dataFlows, dataset).sort((a, b) => roleRank(a) - roleRank(b));

  const seatEntries: Array<{ country: string } & DestinationRole> = [];
  if (platform.operator) seatEntries.push({ country: platform.operator.country, role: 'operator-seat', detail: platform.operator.name, sources: platform.operator.sources });
  if (platform.parent) {
    seatEntries.push({
      country: platform.parent.headquarters ?? platform.parent.country,
      role: 'parent-seat',
      detail: platform.parent.name,
      sources: platform.parent.sources,
    });
  }
  for (const flow of platform.flows) if (!DATA_ROLES.includes(flow.role) && !ended(flow)) seatEntries.push(flow);

  const actions: DisclosedAction[] = [];
  for (const owner of dataset.platforms) {
    for (const action of owner.actions) {
      if (owner.id === platform.id || action.alsoConcerns?.includes(platform.id)) {
        actions.push({ ...action, authorityInfo: dataset.authorities[action.authority], platformId: owner.id });
      }
    }
  }
  actions.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : b.date.localeCompare(a.date)));

  const fines = actions.filter((a) => a.type === 'fine' && a.amount !== undefined && a.status.value !== 'annulled');
  const totals = new Map<string, number>();
  for (const fine of fines) totals.set(fine.currency!, (totals.get(fine.currency!) ?? 0) + fine.amount!);

  const lead = platform.leadAuthority ? dataset.authorities[platform.leadAuthority] : undefined;
  return {
    platform: { id: platform.id, name: platform.name, category: platform.category },
    ...(platform.operator && { operator: platform.operator }),
    ...(platform.parent && { parent: platform.parent }),
    ...(lead && platform.leadAuthority && { leadAuthority: { ...lead, id: platform.leadAuthority } }),
    ...(platform.privacyContact && { privacyContact: platform.privacyContact }),
    destinations,
    seats: groupByCountry(seatEntries, dataset),
    earlier: groupByCountry(platform.flows.filter(ended), dataset),
    ...(platform.retired && { retired: platform.retired }),
    ...(platform.flowStatement && { flowStatement: platform.flowStatement }),
    transferMechanisms: platform.transferMechanisms,
    actions,
    positions: platform.positions,
    counts: {
      actions: actions.length,
      fines: fines.length,
      fineTotals: [...totals].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount),
      transferFindings: actions.filter((a) => a.transfer !== undefined).length,
      underAppeal: actions.filter((a) => a.status.value === 'appealed').length,
      statusUnknown: actions.filter((a) => a.status.value === 'no-later-info').length,
    },
    reviewed: platform.reviewed,
    datasetVersion: dataset.version,
  };
}
