/**
 * The server-location table: IP address ranges to countries, in the compact binary form the build writes
 * (`ip-country.bin`, see src/cli/ip-country-data.ts) and the background reads on first use.
 *
 * Resolution: IPv4 in /24 blocks and IPv6 in /48 prefixes, the smallest prefixes routed on the Internet. A range
 * finer than that takes, for its whole block, the country covering most of the block: measured on the source
 * data, that changes the answer for 0.05% of IPv4 and 0.003% of IPv6 address space (docs/IP-DATA.md).
 *
 * File layout (little-endian, unsigned LEB128 varints):
 *   "RLIP" version(1)
 *   count(1 byte) then count two-letter codes; index 0 is "--", no country
 *   IPv4: varint n, n varint gaps between range starts (in /24 blocks, from 0), n country indexes (1 byte each)
 *   IPv6: the same, with range starts in /48 prefixes
 * A range runs from its start to the next range's start; the first starts at 0. Gaps between ranges are stored
 * as ranges of index 0, so every address falls in exactly one range.
 */

/** Where the build puts the table in the extension, read with the extension's own URL (never the network). */
export const IP_COUNTRY_FILE = 'data/ip-country.bin';
export const IPV4_PREFIX_BITS = 24;
export const IPV6_PREFIX_BITS = 48;
const MAGIC = [0x52, 0x4c, 0x49, 0x50]; // "RLIP"
const VERSION = 1;
export const NO_COUNTRY = '--';

/** Decoded, as the look-up uses it: sorted range starts in typed arrays and one country index per range. */
export type IpCountryTable = {
  countries: readonly string[];
  /** IPv4 range starts in /24 blocks (the address shifted right by 8) */
  v4Starts: Uint32Array;
  v4Countries: Uint8Array;
  /** IPv6 range starts as /48 prefixes (the top 48 bits), exact in a double */
  v6Starts: Float64Array;
  v6Countries: Uint8Array;
};

/** Ranges in the units above: starts ascending, the first at 0, neighbours with different countries. */
export type EncodableRanges = { starts: readonly bigint[]; countries: readonly number[] };

export function encodeIpCountryTable(countries: readonly string[], v4: EncodableRanges, v6: EncodableRanges): Uint8Array {
  if (countries[0] !== NO_COUNTRY || countries.length > 255) throw new Error('country list must start with "--" and hold at most 255 codes');
  const out: number[] = [...MAGIC, VERSION, countries.length];
  for (const code of countries) {
    if (!/^[A-Z]{2}$|^--$/.test(code)) throw new Error(`not a two-letter country code: ${code}`);
    out.push(code.charCodeAt(0), code.charCodeAt(1));
  }
  const varint = (value: bigint) => {
    let v = value;
    while (v >= 128n) {
      out.push(Number(v & 127n) | 128);
      v >>= 7n;
    }
    out.push(Number(v));
  };
  for (const { starts, countries: indexes } of [v4, v6]) {
    if (starts.length !== indexes.length || starts[0] !== 0n) throw new Error('ranges must start at 0 and have one country each');
    varint(BigInt(starts.length));
    let previous = 0n;
    for (const start of starts) {
      if (start < previous) throw new Error('range starts must ascend');
      varint(start - previous);
      previous = start;
    }
    for (const index of indexes) out.push(index);
  }
  return Uint8Array.from(out);
}

export function decodeIpCountryTable(bytes: Uint8Array): IpCountryTable {
  if (bytes.length < 6 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[4] !== VERSION) throw new Error('not a Residency Lens IP-country table');
  let at = 5;
  const count = bytes[at++]!;
  const countries: string[] = [];
  for (let i = 0; i < count; i += 1, at += 2) countries.push(String.fromCharCode(bytes[at]!, bytes[at + 1]!));
  // Varints up to 48 bits: multiply rather than shift, which JavaScript does on 32 bits only. One plain loop per
  // section: it runs once per background start over some 400,000 ranges.
  const varint = () => {
    let byte = bytes[at++]!;
    let value = byte & 127;
    for (let scale = 128; byte >= 128; scale *= 128) {
      byte = bytes[at++]!;
      value += (byte & 127) * scale;
    }
    return value;
  };
  const section = <T extends Uint32Array | Float64Array>(make: (n: number) => T) => {
    const n = varint();
    const starts = make(n);
    let start = 0;
    for (let i = 0; i < n; i += 1) {
      let byte = bytes[at++]!;
      let gap = byte & 127;
      for (let scale = 128; byte >= 128; scale *= 128) {
        byte = bytes[at++]!;
        gap += (byte & 127) * scale;
      }
      starts[i] = start += gap;
    }
    if (at + n > bytes.length) throw new Error('IP-country table ends early');
    const indexes = bytes.slice(at, at + n);
    at += n;
    return { starts, indexes };
  };
  const v4 = section((n) => new Uint32Array(n));
  const v6 = section((n) => new Float64Array(n));
  if (at !== bytes.length) throw new Error('IP-country table has trailing bytes');
  return { countries, v4Starts: v4.starts, v4Countries: v4.indexes, v6Starts: v6.starts, v6Countries: v6.indexes };
}
