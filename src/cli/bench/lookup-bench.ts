/**
 * Benchmark 1: hostname -> platform. Four contenders over the same host list, interleaved round by round
 * (the order rotates each round), so that machine drift hits them all alike; figures are medians over rounds
 * and ratios are taken within each round, then their median reported.
 */
import { getDomain } from 'tldts';
import type { CompiledDataset } from '../../core/dataset/compile.ts';
import { createPlatformLookup } from '../../core/lookup.ts';
import { median, quantile, round, type Machine } from './common.ts';
import { benchHosts, type HostKind } from './hosts.ts';

export type LookupOptions = { hostCount: number; rounds: number; warmupRounds: number; passesPerRound: number };

type Contender = { id: string; label: string; run: (hosts: readonly string[]) => number };

export function runLookupBench(dataset: CompiledDataset, opts: LookupOptions, machineInfo: Machine) {
  const lookup = createPlatformLookup(dataset);
  const platformIndex = new Map(dataset.platforms.map((p, i) => [p, i]));
  const { hosts: generated, droppedOrdinary } = benchHosts(dataset, opts.hostCount, (h) => lookup.lookupHost(h) !== undefined);
  const hosts = generated.map((h) => h.host);

  // The baselines' table: the same platform hosts, host -> platform index.
  const table = new Map<string, number>(Object.entries(dataset.hosts.keys));

  // Each contender returns a checksum of its answers so the work cannot be optimised away.
  const contenders: Contender[] = [
    {
      id: 'p_lookupHost',
      label: 'createPlatformLookup(dataset).lookupHost(host) (hosts already normalised)',
      run: (list) => {
        let sum = 0;
        for (let i = 0; i < list.length; i += 1) {
          const p = lookup.lookupHost(list[i]!);
          if (p !== undefined) sum += p.id.length;
        }
        return sum;
      },
    },
    {
      id: 'p_lookup',
      label: 'createPlatformLookup(dataset).lookup(host) (with normalisation)',
      run: (list) => {
        let sum = 0;
        for (let i = 0; i < list.length; i += 1) {
          const r = lookup.lookup(list[i]!);
          if (r.kind === 'platform') sum += r.platform.id.length;
          else sum += r.kind.length;
        }
        return sum;
      },
    },
    {
      id: 'a_tldts',
      label: 'tldts.getDomain(host, { allowPrivateDomains: true }) then Map.get(registrable domain)',
      run: (list) => {
        let sum = 0;
        for (let i = 0; i < list.length; i += 1) {
          const domain = getDomain(list[i]!, { allowPrivateDomains: true });
          const found = domain === null ? undefined : table.get(domain);
          if (found !== undefined) sum += found + 1;
        }
        return sum;
      },
    },
    {
      id: 'a2_tldts_no_extract',
      label: 'tldts.getDomain(host, { allowPrivateDomains: true, extractHostname: false, validateHostname: false }) then Map.get (informative: tldts at its fastest)',
      run: (list) => {
        let sum = 0;
        for (let i = 0; i < list.length; i += 1) {
          const domain = getDomain(list[i]!, { allowPrivateDomains: true, extractHostname: false, validateHostname: false });
          const found = domain === null ? undefined : table.get(domain);
          if (found !== undefined) sum += found + 1;
        }
        return sum;
      },
    },
    {
      id: 'b_map_floor',
      label: 'Map.get(full hostname) (the floor: one hash look-up, wrong answers for subdomains)',
      run: (list) => {
        let sum = 0;
        for (let i = 0; i < list.length; i += 1) {
          const found = table.get(list[i]!);
          if (found !== undefined) sum += found + 1;
        }
        return sum;
      },
    },
  ];

  // Agreement of the project's answer with the tldts baseline (informative: they differ by design where the
  // dataset lists a more specific host, e.g. mail.google.com, than the registrable domain).
  const byKind: Record<string, { count: number; platform: number }> = {};
  let disagreements = 0;
  for (const { host, kind } of generated) {
    const p = lookup.lookupHost(host);
    const entry = (byKind[kind] ??= { count: 0, platform: 0 });
    entry.count += 1;
    if (p) entry.platform += 1;
    const domain = getDomain(host, { allowPrivateDomains: true });
    const viaTldts = domain === null ? undefined : table.get(domain);
    const mine = p === undefined ? undefined : platformIndex.get(p);
    if (viaTldts !== mine && !(viaTldts === undefined && mine !== undefined)) disagreements += 1;
  }

  const nsPerLookup: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.id, []]));
  let sink = 0;
  const totalRounds = opts.warmupRounds + opts.rounds;
  for (let roundIndex = 0; roundIndex < totalRounds; roundIndex += 1) {
    for (let k = 0; k < contenders.length; k += 1) {
      const contender = contenders[(roundIndex + k) % contenders.length]!;
      const start = process.hrtime.bigint();
      for (let pass = 0; pass < opts.passesPerRound; pass += 1) sink += contender.run(hosts);
      const elapsed = Number(process.hrtime.bigint() - start);
      if (roundIndex >= opts.warmupRounds) nsPerLookup[contender.id]!.push(elapsed / (hosts.length * opts.passesPerRound));
    }
  }

  const ratio = (num: string, den: string) => nsPerLookup[num]!.map((v, i) => v / nsPerLookup[den]![i]!);
  const summary = Object.fromEntries(
    contenders.map((c) => {
      const v = nsPerLookup[c.id]!;
      return [c.id, { label: c.label, medianNs: round(median(v)), p10Ns: round(quantile(v, 0.1)), p90Ns: round(quantile(v, 0.9)), roundsNs: v.map((x) => round(x)) }];
    }),
  );
  const speedupVsTldts = median(ratio('a_tldts', 'p_lookupHost'));
  const overFloor = median(ratio('p_lookupHost', 'b_map_floor'));
  return {
    benchmark: 'hostname-to-platform',
    machine: machineInfo,
    method: `${hosts.length} hosts, ${opts.warmupRounds} warm-up rounds discarded, then ${opts.rounds} rounds; in each round every contender makes ${opts.passesPerRound} passes over the whole list, in an order that rotates each round; ns per look-up = elapsed / (hosts x passes); ratios are taken within a round, the median over rounds reported; each contender sums its answers into a checksum (sink) to keep the work alive.`,
    hosts: { total: hosts.length, byKind: byKind as Record<HostKind, { count: number; platform: number }>, examples: generated.slice(0, 20).map((h) => h.host), ordinaryDomainsListed: undefined as number | undefined, ordinaryDroppedAsPlatforms: droppedOrdinary },
    platformHosts: Object.keys(dataset.hosts.keys).length,
    stops: dataset.hosts.stops.length,
    disagreementsWithTldtsBaseline: disagreements,
    results: summary,
    ratios: {
      tldtsOverLookupHost: { median: round(speedupVsTldts), perRound: ratio('a_tldts', 'p_lookupHost').map((x) => round(x)) },
      tldtsFastOverLookupHost: { median: round(median(ratio('a2_tldts_no_extract', 'p_lookupHost'))) },
      tldtsOverLookup: { median: round(median(ratio('a_tldts', 'p_lookup'))) },
      lookupHostOverFloor: { median: round(overFloor), perRound: ratio('p_lookupHost', 'b_map_floor').map((x) => round(x)) },
      lookupOverFloor: { median: round(median(ratio('p_lookup', 'b_map_floor'))) },
    },
    goals: {
      atLeast3xFasterThanTldts: { target: '>= 3', value: round(speedupVsTldts), met: speedupVsTldts >= 3 },
      within3xOfMapFloor: { target: '<= 3', value: round(overFloor), met: overFloor <= 3 },
    },
    sink,
  };
}
