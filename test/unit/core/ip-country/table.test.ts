/**
 * The server-location table: the build step (majority per /24 or /48 block, nested ranges, gaps), the binary
 * format, and the look-up, on small hand-made data and against the real source database.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileIpCountryData, readNumericCsv } from '../../../../src/cli/ip-country-data.ts';
import { buildIpCountryTable, disjointRanges, reservedBlocks, type SourceRange } from '../../../../src/core/ip-country/build-table.ts';
import { decodeIpCountryTable, encodeIpCountryTable } from '../../../../src/core/ip-country/format.ts';
import { createIpCountryLookup, type IpCountryLookup } from '../../../../src/core/ip-country/lookup.ts';

const v4 = (text: string) => text.split('.').reduce((a, p) => a * 256n + BigInt(p), 0n);
const row = (start: string, end: string, country: string): SourceRange => ({ start: v4(start), end: v4(end), country });
const lookupOf = (v4Rows: SourceRange[], v6Rows: SourceRange[] = []) => {
  const { countries, v4: a, v6: b } = buildIpCountryTable(v4Rows, v6Rows);
  return createIpCountryLookup(decodeIpCountryTable(encodeIpCountryTable(countries, a, b)));
};

describe('building the table', () => {
  it('answers exactly for ranges of whole /24 blocks, and nothing in the gaps', () => {
    const lookup = lookupOf([row('1.0.0.0', '1.0.0.255', 'AU'), row('1.0.2.0', '1.0.3.255', 'CN'), row('8.8.8.0', '8.8.8.255', 'US')]);
    expect(lookup('1.0.0.1')).toBe('AU');
    expect(lookup('1.0.1.1')).toBeUndefined();
    expect(lookup('1.0.2.0')).toBe('CN');
    expect(lookup('1.0.3.255')).toBe('CN');
    expect(lookup('1.0.4.0')).toBeUndefined();
    expect(lookup('8.8.8.8')).toBe('US');
    expect(lookup('0.0.0.0')).toBeUndefined();
    expect(lookup('255.255.255.255')).toBeUndefined();
  });

  it('gives a mixed /24 to the country covering most of it, or none when most of it is uncovered', () => {
    const lookup = lookupOf([
      row('2.0.0.0', '2.0.0.99', 'FR'), row('2.0.0.100', '2.0.0.255', 'DE'), // DE has 156 of 256
      row('3.0.0.0', '3.0.0.63', 'IT'), // 64 of 256, the rest unknown
    ]);
    expect(lookup('2.0.0.5')).toBe('DE');
    expect(lookup('3.0.0.5')).toBeUndefined();
  });

  it('lets a range nested in another win inside it (geofeed entries within registry ranges)', () => {
    const rows = [row('4.0.0.0', '4.0.255.255', 'DE'), row('4.0.16.0', '4.0.16.255', 'BE'), row('4.0.17.0', '4.0.255.255', 'DE')];
    expect([...disjointRanges(rows)].map((r) => `${r.start}-${r.end} ${r.country}`)).toEqual([
      `${v4('4.0.0.0')}-${v4('4.0.15.255')} DE`, `${v4('4.0.16.0')}-${v4('4.0.16.255')} BE`, `${v4('4.0.17.0')}-${v4('4.0.255.255')} DE`,
    ]);
    const lookup = lookupOf(rows);
    expect(lookup('4.0.15.1')).toBe('DE');
    expect(lookup('4.0.16.1')).toBe('BE');
    expect(lookup('4.0.200.1')).toBe('DE');
  });

  it('places IPv6 by /48 prefix', () => {
    const v6 = (hex: string) => BigInt(`0x${hex}`) << 80n;
    const lookup = lookupOf([], [
      { start: v6('200148604860'), end: v6('200148604861') - 1n, country: 'US' },
      { start: v6('2a0328800000'), end: v6('2a0328810000') - 1n, country: 'IE' },
    ]);
    expect(lookup('2a03:2880:f12f:83:face:b00c:0:25de')).toBe('IE');
    expect(lookup('2001:4860:4860::8888')).toBe('US');
    expect(lookup('2001:4860:4861::1')).toBeUndefined();
    expect(lookup('::1')).toBeUndefined();
    expect(lookup('8.8.8.8')).toBeUndefined();
  });

  it('gives no country to private, loopback, link-local and other special-purpose addresses, whatever the source says', () => {
    const lookup = lookupOf([row('0.0.0.0', '255.255.255.255', 'AU')], [{ start: 0n, end: (1n << 128n) - 1n, country: 'AU' }]);
    for (const ip of ['10.1.2.3', '100.64.0.1', '127.0.0.1', '169.254.1.1', '172.16.5.5', '192.168.1.1', '224.0.0.251', '::1', 'fd00::1', 'fe80::1', 'ff02::1', '2001:db8::1']) {
      expect(lookup(ip), ip).toBeUndefined();
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888']) expect(lookup(ip), ip).toBe('AU');
  });

  it('rejects a corrupt file instead of answering from it', () => {
    const good = encodeIpCountryTable(['--', 'US'], { starts: [0n, 5n], countries: [0, 1] }, { starts: [0n], countries: [0] });
    expect(() => decodeIpCountryTable(good.slice(0, good.length - 1))).toThrow();
    expect(() => decodeIpCountryTable(Uint8Array.from([...good, 0]))).toThrow();
    expect(() => decodeIpCountryTable(Uint8Array.from([0, ...good.slice(1)]))).toThrow();
  });
});

describe('the shipped table against its source database', () => {
  const require = createRequire(import.meta.url);
  const source = (family: 4 | 6) => {
    const rows = [...disjointRanges(readNumericCsv(readFileSync(require.resolve(`@ip-location-db/geo-whois-asn-country/geo-whois-asn-country-ipv${family}-num.csv`), 'utf8')))];
    const find = (value: bigint) => {
      let lo = 0;
      let hi = rows.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (rows[mid]!.start <= value) lo = mid;
        else hi = mid - 1;
      }
      return rows[lo]!.start <= value && value <= rows[lo]!.end ? rows[lo] : undefined;
    };
    return { rows, find };
  };
  let lookup: IpCountryLookup;
  let sources: { 4: ReturnType<typeof source>; 6: ReturnType<typeof source> };
  beforeAll(() => {
    lookup = createIpCountryLookup(decodeIpCountryTable(compileIpCountryData()));
    sources = { 4: source(4), 6: source(6) };
  }, 120_000);

  const toText = (value: bigint, family: 4 | 6) => family === 4
    ? [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.')
    : Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');

  // Where the table and its source differ, the block must be one the source splits between answers (the only
  // information the /24 and /48 resolution gives up) or special-purpose space, which never has a country.
  for (const family of [4, 6] as const) {
    it(`agrees with the source on random IPv${family} addresses, except inside blocks the source splits`, () => {
      const shift = family === 4 ? 8n : 80n;
      const { rows, find } = sources[family];
      let differing = 0;
      fc.assert(
        fc.property(fc.nat({ max: rows.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, at) => {
          const r = rows[i]!;
          const value = r.start + BigInt(Math.floor(Number(r.end - r.start) * at));
          const got = lookup(toText(value, family));
          if (got === r.country) return;
          if (got === undefined && reservedBlocks(family).some((b) => b.start <= value && value <= b.end)) return;
          differing += 1;
          const blockStart = (value >> shift) << shift;
          const blockEnd = blockStart + (1n << shift) - 1n;
          const split = find(blockStart)?.country !== r.country || find(blockEnd)?.country !== r.country || r.start > blockStart || r.end < blockEnd;
          expect(split, `${toText(value, family)}: table ${got}, source ${r.country}`).toBe(true);
        }),
        { numRuns: 20_000 },
      );
      // Sampling one address per source row weighs the many small rows heavily; still most agree.
      expect(differing / 20_000).toBeLessThan(family === 4 ? 0.3 : 0.35);
    });
  }

  it('knows well-known servers', () => {
    expect(lookup('8.8.8.8')).toBe('US');
    expect(lookup('2001:4860:4860::8888')).toBe('US');
    expect(lookup('::ffff:8.8.8.8')).toBe('US');
    expect(lookup('127.0.0.1')).toBeUndefined();
    expect(lookup('::1')).toBeUndefined();
    expect(lookup('192.168.1.1')).toBeUndefined();
    expect(lookup('fe80::1')).toBeUndefined();
  });
});
