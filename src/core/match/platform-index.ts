/**
 * The run-time half of hostname matching. The build (`data-compile`) turns the dataset's domains into a flat
 * table: each key is a platform host (a registrable domain, or a more specific host such as mail.google.com),
 * and each "stop" is a public suffix that lies under such a key (for example a hosting suffix under a
 * platform's domain), below which a site belongs to its own owner, not to the platform.
 *
 * Look-up walks the hostname's suffixes from the longest: the first key found is the platform; a stop found
 * first means the registrable domain lies below every key, so no platform. This gives the same answer as
 * "registrable domain by the Public Suffix List, then map look-up" (checked against tldts in the tests), at the
 * cost of one Map access per label instead of a PSL walk.
 */

export type HostTable = {
  /** host -> index into the platform list */
  keys: Record<string, number>;
  /** public suffixes that lie under a key */
  stops: string[];
};

export type HostMatcher = (normalizedHost: string) => number | undefined;

const STOP = -1;

export function createHostMatcher(table: HostTable): HostMatcher {
  const map = new Map<string, number>();
  for (const stop of table.stops) map.set(stop, STOP);
  for (const [host, index] of Object.entries(table.keys)) map.set(host, index);

  return (host) => {
    let start = 0;
    // The last label alone (a TLD) is never a key, so stop once no dot is left.
    for (;;) {
      const found = map.get(start === 0 ? host : host.slice(start));
      if (found !== undefined) return found === STOP ? undefined : found;
      const dot = host.indexOf('.', start);
      if (dot === -1) return undefined;
      start = dot + 1;
      if (host.indexOf('.', start) === -1) return undefined;
    }
  };
}
