/**
 * Build step (part of `npm run data:compile`): the server-location table, from the geo-whois-asn-country
 * database of the @ip-location-db npm packages (chosen in docs/IP-DATA.md), into the compact binary of
 * src/core/ip-country/format.ts. The extension ships it as its own file and reads it on first use.
 *
 * Data credits (kept in the README and the options page): ip-location-db's geo-whois-asn-country (CC0), built
 * from operators' geofeeds and the five Regional Internet Registries' whois and ASN data published by the NRO
 * (CC BY 4.0, attribution to nro.net).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIpCountryTable, type SourceRange } from '../core/ip-country/build-table.ts';
import { encodeIpCountryTable } from '../core/ip-country/format.ts';

const PACKAGE = '@ip-location-db/geo-whois-asn-country';
const require = createRequire(import.meta.url);

/** A "-num" CSV of ip-location-db: start,end,country per line, addresses as decimal integers, inclusive. */
export function* readNumericCsv(text: string): Generator<SourceRange> {
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end).trim();
    at = end + 1;
    if (line === '') continue;
    const [start, last, country] = line.split(',');
    if (!start || !last || !country || !/^[A-Z]{2}$/.test(country)) throw new Error(`unexpected line in ${PACKAGE}: ${line}`);
    yield { start: BigInt(start), end: BigInt(last), country };
  }
}

/** Source package and version, and a hash of the code that builds the table: when it changes, rebuild. */
export function ipCountryStamp(): string {
  const { version } = require(`${PACKAGE}/package.json`) as { version: string };
  const code = createHash('sha256');
  for (const file of ['../core/ip-country/build-table.ts', '../core/ip-country/format.ts', './ip-country-data.ts']) code.update(readFileSync(new URL(file, import.meta.url)));
  return `${PACKAGE} ${version}\n${code.digest('hex')}\n`;
}

export function compileIpCountryData(): Uint8Array {
  const csv = (family: 4 | 6) => readFileSync(require.resolve(`${PACKAGE}/geo-whois-asn-country-ipv${family}-num.csv`), 'utf8');
  const { countries, v4, v6 } = buildIpCountryTable(readNumericCsv(csv(4)), readNumericCsv(csv(6)));
  return encodeIpCountryTable(countries, v4, v6);
}

/** The package the table is built from, for the third-party notices (see data-compile.ts). */
export const IP_COUNTRY_SOURCE = PACKAGE;
