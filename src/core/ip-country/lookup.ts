/**
 * Country of a server from its IP address, IPv4 or IPv6, by binary search in the bundled table (format.ts).
 * Looked up locally: no address ever leaves the machine. This is where the server that answered is, which is
 * neither where the company is nor where it stores data.
 */
import { NO_COUNTRY, type IpCountryTable } from './format.ts';
import { addressKey } from './parse-address.ts';

export type IpCountryLookup = (ip: string) => string | undefined;

/** Index of the last start at or below key (the ranges begin at 0, so there is one). */
function rangeOf(starts: Uint32Array | Float64Array, key: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function createIpCountryLookup(table: IpCountryTable): IpCountryLookup {
  return (ip) => {
    const key = addressKey(ip);
    if (!key) return undefined;
    const [starts, countries, value] = key.family === 4 ? [table.v4Starts, table.v4Countries, key.block] : [table.v6Starts, table.v6Countries, key.prefix48];
    if (starts.length === 0) return undefined;
    const code = table.countries[countries[rangeOf(starts, value)]!];
    return code === undefined || code === NO_COUNTRY ? undefined : code;
  };
}
