/**
 * The run-time half of hostname matching. The build (`data-compile`) turns the dataset's domains into a flat
 * table: each key is a platform host (a registrable domain, or a more specific host such as mail.google.com),
 * and each "stop" is a public suffix that lies under such a key (for example a hosting suffix under a
 * platform's domain), below which a site belongs to its own owner, not to the platform.
 *
 * Look-up reads the hostname once, from its last character to its first, hashing as it goes (FNV-1a, 32 bits).
 * At each dot the hash covers the suffix to its right, and one probe of an integer-keyed table says whether that
 * suffix is a key or a stop; a hit is confirmed by comparing the characters in place. The longest suffix found
 * decides: a key is the platform, a stop means the registrable domain lies below every key, so no platform. This
 * gives the same answer as "registrable domain by the Public Suffix List, then map look-up" (checked against tldts
 * in the tests), without building a substring or hashing a character twice: the cost of one Map.get on a new
 * string, which hashes every character too, plus a probe per label.
 */

export type HostTable = {
  /** host -> index into the platform list */
  keys: Record<string, number>;
  /** public suffixes that lie under a key */
  stops: string[];
};

export type HostMatcher = (normalizedHost: string) => number | undefined;

const STOP = -1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const DOT = 46;

/** The hash the look-up has reached at `start` when it walks `name` from its end. */
function suffixHash(name: string): number {
  let h = FNV_OFFSET;
  for (let i = name.length - 1; i >= 0; i -= 1) h = Math.imul(h ^ name.charCodeAt(i), FNV_PRIME);
  return h;
}

export function createHostMatcher(table: HostTable): HostMatcher {
  const names: string[] = [];
  const answers: number[] = [];
  for (const stop of table.stops) {
    names.push(stop);
    answers.push(STOP);
  }
  for (const [host, index] of Object.entries(table.keys)) {
    names.push(host);
    answers.push(index);
  }
  // Open addressing, at most a quarter full: a probe almost always ends at its first slot.
  let size = 64;
  while (size < names.length * 4) size *= 2;
  const mask = size - 1;
  const slotHash = new Int32Array(size);
  const slotEntry = new Int32Array(size).fill(-1);
  let longest = 0;
  names.forEach((name, entry) => {
    const h = suffixHash(name);
    let slot = h & mask;
    while (slotEntry[slot] !== -1) slot = (slot + 1) & mask;
    slotHash[slot] = h;
    slotEntry[slot] = entry;
    longest = Math.max(longest, name.length);
  });

  /** The entry whose name is host[start..], if any. */
  const find = (host: string, start: number, h: number): number => {
    for (let slot = h & mask; slotEntry[slot] !== -1; slot = (slot + 1) & mask) {
      if (slotHash[slot] !== h) continue;
      const entry = slotEntry[slot]!;
      const name = names[entry]!;
      if (name.length === host.length - start && host.startsWith(name, start)) return entry;
    }
    return -1;
  };

  return (host) => {
    let h = FNV_OFFSET;
    let found = -1;
    // No key is longer than `longest`: the walk stops there. A single label (a TLD alone) is never a key, so the
    // first probe is at the second dot from the right at the earliest; probing at every dot keeps it simple.
    const stop = host.length > longest ? host.length - longest : 0;
    for (let i = host.length - 1; i >= stop; i -= 1) {
      const c = host.charCodeAt(i);
      if (c === DOT) {
        const entry = find(host, i + 1, h);
        if (entry !== -1) found = entry;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (stop === 0) {
      const entry = find(host, 0, h);
      if (entry !== -1) found = entry;
    } else if (host.charCodeAt(stop - 1) === DOT) {
      const entry = find(host, stop, h);
      if (entry !== -1) found = entry;
    }
    if (found === -1) return undefined;
    const answer = answers[found]!;
    return answer === STOP ? undefined : answer;
  };
}

/**
 * The same answer as `createHostMatcher(table)(host)`, for a single look-up: walks the host's suffixes from the
 * longest and stops at the first one that is a stop (no platform) or a key (its platform), reading the table as
 * it is, with nothing to build first. The in-page badge looks up one host per page, where building the matcher's
 * hash table cost more than the look-up (docs/PERFORMANCE.md); everything that looks up many hosts uses the
 * matcher. Also returns the key it stopped at: hiding the badge is kept per key. A property test checks both agree.
 */
export function walkHostTable(table: HostTable, host: string): { index: number; key: string } | undefined {
  for (let start = 0; start < host.length; ) {
    const suffix = start === 0 ? host : host.slice(start);
    if (table.stops.includes(suffix)) return undefined;
    if (Object.hasOwn(table.keys, suffix)) return { index: table.keys[suffix]!, key: suffix };
    const dot = host.indexOf('.', start);
    if (dot === -1) return undefined;
    start = dot + 1;
  }
  return undefined;
}
