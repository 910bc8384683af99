/**
 * Build time only: from a database's address ranges to the compact table of format.ts. Each /24 (IPv4) or /48
 * (IPv6) block takes the country covering most of it, or none when uncovered addresses outnumber the largest
 * country's; neighbouring blocks with the same answer merge into one range.
 */
import { IPV4_PREFIX_BITS, IPV6_PREFIX_BITS, NO_COUNTRY, type EncodableRanges } from './format.ts';

/** One row of a source database: an inclusive range of addresses (as integers) and its two-letter country. */
export type SourceRange = { start: bigint; end: bigint; country: string };

type Run = { first: bigint; last: bigint; country: string };

/**
 * Addresses that are never a public server's, from IANA's special-purpose address registries: private networks,
 * loopback, link-local, carrier-grade NAT, documentation, benchmarking, multicast and reserved space. A server
 * there is on the user's own network, so it has no country, whatever a source says (the source used has, for
 * example, 192.168.0.0/16 as AU).
 */
const RESERVED_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3'];
const RESERVED_V6 = ['::/8', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8'];

function cidr(text: string): { start: bigint; end: bigint } {
  const [address, length] = text.split('/') as [string, string];
  const v6 = address.includes(':');
  const bits = v6 ? 128n : 32n;
  let value = 0n;
  if (v6) {
    const [head, tail = ''] = address.split('::') as [string, string?];
    const groups = (part: string) => (part ? part.split(':').map((g) => BigInt(`0x${g}`)) : []);
    const h = groups(head);
    const t = groups(tail);
    for (const g of [...h, ...new Array<bigint>(8 - h.length - t.length).fill(0n), ...t]) value = (value << 16n) | g;
  } else {
    for (const part of address.split('.')) value = (value << 8n) | BigInt(part);
  }
  const size = 1n << (bits - BigInt(length));
  return { start: value, end: value + size - 1n };
}

export const reservedBlocks = (family: 4 | 6) => (family === 4 ? RESERVED_V4 : RESERVED_V6).map(cidr);

/** Disjoint sorted rows minus the reserved blocks (sorted, disjoint). */
function* withoutReserved(rows: Iterable<SourceRange>, reserved: ReadonlyArray<{ start: bigint; end: bigint }>): Generator<SourceRange> {
  for (const row of rows) {
    let start = row.start;
    for (const block of reserved) {
      if (block.end < start || block.start > row.end) continue;
      if (block.start > start) yield { start, end: block.start - 1n, country: row.country };
      start = block.end + 1n;
      if (start > row.end) break;
    }
    if (start <= row.end) yield { start, end: row.end, country: row.country };
  }
}

/**
 * Sorted rows that may nest or overlap (the source has a few hundred: a geofeed's more specific entry inside a
 * registry's range) to disjoint ones: at each address, the range that started last wins, being the more specific.
 */
export function* disjointRanges(rows: Iterable<SourceRange>): Generator<SourceRange> {
  const open: SourceRange[] = []; // ranges covering the cursor, innermost last
  let cursor = -1n; // every address below it has been given out
  const emitUpTo = function* (limit: bigint): Generator<SourceRange> {
    while (open.length > 0 && cursor < limit) {
      const top = open[open.length - 1]!;
      if (top.end < cursor) {
        open.pop();
        continue;
      }
      const end = top.end < limit - 1n ? top.end : limit - 1n;
      if (end >= cursor) yield { start: cursor, end, country: top.country };
      cursor = end + 1n;
      if (top.end < cursor) open.pop();
    }
  };
  let previousStart = -1n;
  for (const row of rows) {
    if (row.start < previousStart || row.end < row.start) throw new Error(`ranges must be sorted by start (at ${row.start})`);
    previousStart = row.start;
    yield* emitUpTo(row.start);
    open.push(row);
    cursor = row.start;
  }
  yield* emitUpTo(1n << 128n);
}

/** Blocks of 2^shift addresses; rows sorted by start and not overlapping. */
function blockRuns(rows: Iterable<SourceRange>, shift: bigint): Run[] {
  const size = 1n << shift;
  const runs: Run[] = [];
  let block = -1n;
  let shares = new Map<string, bigint>();
  const flush = () => {
    if (block < 0n) return;
    let best = NO_COUNTRY;
    let bestCount = 0n;
    let covered = 0n;
    for (const [country, count] of shares) {
      covered += count;
      if (count > bestCount) [best, bestCount] = [country, count];
    }
    runs.push({ first: block, last: block, country: size - covered > bestCount ? NO_COUNTRY : best });
    block = -1n;
    shares = new Map();
  };
  const add = (b: bigint, country: string, count: bigint) => {
    if (b !== block) {
      flush();
      block = b;
    }
    shares.set(country, (shares.get(country) ?? 0n) + count);
  };
  let previousEnd = -1n;
  for (const { start, end, country } of rows) {
    if (start <= previousEnd || end < start) throw new Error(`ranges must be sorted and disjoint (at ${start})`);
    previousEnd = end;
    const firstBlock = start >> shift;
    const lastBlock = end >> shift;
    if (firstBlock === lastBlock) {
      add(firstBlock, country, end - start + 1n);
      continue;
    }
    add(firstBlock, country, ((firstBlock + 1n) << shift) - start);
    const endsOnBoundary = ((end + 1n) & (size - 1n)) === 0n;
    const lastWhole = endsOnBoundary ? lastBlock : lastBlock - 1n;
    if (lastWhole > firstBlock) {
      flush();
      runs.push({ first: firstBlock + 1n, last: lastWhole, country });
    }
    if (!endsOnBoundary) add(lastBlock, country, end - (lastBlock << shift) + 1n);
  }
  flush();
  return runs;
}

function toRanges(runs: Run[], blocks: bigint, indexOf: (country: string) => number): EncodableRanges {
  const starts: bigint[] = [];
  const countries: number[] = [];
  const push = (start: bigint, country: string) => {
    const index = indexOf(country);
    if (countries.length > 0 && countries[countries.length - 1] === index) return;
    starts.push(start);
    countries.push(index);
  };
  let next = 0n;
  for (const run of runs) {
    if (run.first > next) push(next, NO_COUNTRY);
    push(run.first, run.country);
    next = run.last + 1n;
  }
  if (next < blocks) push(next, NO_COUNTRY);
  return { starts, countries };
}

export function buildIpCountryTable(v4Rows: Iterable<SourceRange>, v6Rows: Iterable<SourceRange>) {
  const v4Runs = blockRuns(withoutReserved(disjointRanges(v4Rows), reservedBlocks(4)), BigInt(32 - IPV4_PREFIX_BITS));
  const v6Runs = blockRuns(withoutReserved(disjointRanges(v6Rows), reservedBlocks(6)), BigInt(128 - IPV6_PREFIX_BITS));
  const codes = [...new Set([...v4Runs, ...v6Runs].map((r) => r.country).filter((c) => c !== NO_COUNTRY))].sort();
  const countries = [NO_COUNTRY, ...codes];
  const index = new Map(countries.map((c, i) => [c, i]));
  const indexOf = (country: string) => index.get(country)!;
  return { countries, v4: toRanges(v4Runs, 1n << BigInt(IPV4_PREFIX_BITS), indexOf), v6: toRanges(v6Runs, 1n << BigInt(IPV6_PREFIX_BITS), indexOf) };
}
