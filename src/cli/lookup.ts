/**
 * `npm run lookup -- [--json] [--region <code>] <url or hostname>`: the disclosure for a page, from the same core
 * the extension uses, framed by a region's legal regime (data/regimes/) in English, as the popup frames it.
 * Exit status: 0 a known platform, 1 no platform, 2 bad input (one line on stderr, no stack trace).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDataset, type CompiledDataset } from '../core/dataset/compile.ts';
import { buildDisclosure, type Disclosure } from '../core/disclosure/build-disclosure.ts';
import { frame } from '../core/disclosure/framing.ts';
import { createFormatters } from '../core/format.ts';
import { createPlatformLookup } from '../core/lookup.ts';
import { countryFromLocale, REGIONS, regionFromCountry, type Region } from '../core/settings/settings.ts';
import { loadDataset, ROOT } from './read-data.ts';
import { publicSuffixes } from './public-suffixes.ts';

const USAGE = `usage: npm run lookup -- [--json] [--region ${REGIONS.join('|')}] <url or hostname>
  --region  the user region whose legal regime frames the answer (default: from LANG, as a browser takes it from its language)
  --json    machine-readable output`;

function fail(message: string): never {
  console.error(`lookup: ${message}`);
  process.exit(2);
}

/** Chrome's i18n substitution over the English messages, so the command line says what the popup says. */
function englishMessages(): (key: string, substitutions?: string[]) => string {
  const messages = JSON.parse(readFileSync(join(ROOT, 'src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  return (key, substitutions = []) =>
    (messages[key]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (substitutions[Number(token) - 1] ?? '')));
}
const t = englishMessages();
const f = createFormatters('en');

export function disclosureJson(d: Disclosure, region: Region) {
  const framing = frame(d, region, t, f);
  return {
    platform: { id: d.platform.id, name: d.platform.name },
    region,
    headline: framing.headline,
    retired: d.retired ? { date: d.retired.date, summary: d.retired.summary, sources: d.retired.sources.map((s) => s.url) } : null,
    operator: d.operator && { name: d.operator.name, country: d.operator.country },
    parent: d.parent && { name: d.parent.name, country: d.parent.country, headquarters: d.parent.headquarters ?? d.parent.country },
    flows: framing.destinations.flatMap(({ destination: dest, verdict }) =>
      dest.roles.map((r) => ({ country: dest.country, role: r.role, ...(r.since && { since: r.since }), regime: { status: verdict.status, flagged: verdict.flagged }, sources: r.sources.map((s) => s.url) })),
    ),
    earlierFlows: d.earlier.flatMap((dest) => dest.roles.map((r) => ({ country: dest.country, role: r.role, ...(r.since && { since: r.since }), until: r.until, sources: r.sources.map((s) => s.url) }))),
    flowStatement: d.flowStatement ? { summary: d.flowStatement.summary, sources: d.flowStatement.sources.map((s) => s.url) } : null,
    actions: d.actions.map((a) => ({
      id: a.id,
      authority: a.authorityInfo?.name ?? a.authority,
      authorityCountry: a.authorityInfo?.country,
      date: a.date,
      type: a.type,
      amount: a.amount ?? null,
      currency: a.currency ?? null,
      status: a.status.value,
      transfer: a.transfer ?? null,
      sources: a.sources.map((s) => s.url),
    })),
    reviewed: d.reviewed,
    datasetVersion: d.datasetVersion,
  };
}

function text(d: Disclosure, region: Region, dataset: CompiledDataset): string {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  const framing = frame(d, region, t, f);
  const regime = dataset.regimes[region];
  const lines = [`${d.platform.name} (${d.platform.id})`, `  ${framing.headline}`, `  Framed for: ${t(`regionName_${region}`)}`];
  if (d.retired) lines.push(`  ${t('retiredOn', [d.retired.date])} ${d.retired.summary} ${t('retiredFacts')}`);
  if (d.operator) lines.push(`  Operator for the EEA: ${d.operator.name}, ${names.of(d.operator.country)}`);
  if (d.parent) lines.push(`  Parent: ${d.parent.name}, ${names.of(d.parent.headquarters ?? d.parent.country)}`);
  lines.push('  Where data goes:');
  if (d.flowStatement) lines.push(`    ${d.flowStatement.summary}`);
  for (const { destination: dest, label } of framing.destinations) {
    lines.push(`    ${names.of(dest.country)} (${dest.country}): ${dest.roles.map((r) => r.role).join(', ')}${label ? `; ${label}` : ''}`);
  }
  if (d.earlier.length > 0) lines.push(`  ${t('earlierFlows')}:`);
  for (const dest of d.earlier) {
    lines.push(`    ${names.of(dest.country)} (${dest.country}): ${dest.roles.map((r) => `${r.role} until ${r.until}`).join(', ')}`);
  }
  for (const rule of regime?.rules ?? []) lines.push(`  ${rule.provision}: ${rule.summary}`);
  lines.push(`  What you can do: ${framing.rights}`);
  lines.push(`  Regulatory actions (${d.actions.length}):`);
  for (const a of d.actions) {
    const amount = a.amount !== undefined && a.currency ? ` ${money(a.amount, a.currency)}` : '';
    lines.push(`    ${a.date} ${a.authorityInfo?.name ?? a.authority}: ${a.type}${amount} [${a.status.value}]`);
    lines.push(`      ${a.sources[0]!.url}`);
  }
  lines.push(`  Reviewed ${d.reviewed}; dataset ${d.datasetVersion}`);
  return lines.join('\n');
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const json = args.includes('--json');
const regionAt = args.indexOf('--region');
const regionArg = regionAt === -1 ? undefined : args[regionAt + 1];
if (regionAt !== -1 && !(REGIONS as readonly string[]).includes(regionArg ?? '')) fail(`--region takes one of ${REGIONS.join(', ')}`);
const inputs = args.filter((a, i) => a !== '--json' && a !== '--region' && !(regionAt !== -1 && i === regionAt + 1));
if (inputs.length !== 1) fail(USAGE.split('\n')[0]!);
const envLocale = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '').split(/[.@]/)[0]!.replace('_', '-');
const region = (regionArg as Region | undefined) ?? regionFromCountry(envLocale && envLocale !== 'C' && envLocale !== 'POSIX' ? countryFromLocale(envLocale) : null);

const { dataset, problems } = loadDataset();
if (!dataset) fail(`the dataset has ${problems.length} problem(s): run npm run data:check`);
const { compiled } = compileDataset(dataset, publicSuffixes());
const result = createPlatformLookup(compiled).lookup(inputs[0]);

if (result.kind === 'not-applicable' && result.reason === 'invalid') fail(`not a URL or hostname: ${JSON.stringify(inputs[0]).slice(0, 200)}`);
if (result.kind !== 'platform') {
  const what = result.kind === 'unknown' ? `${result.host} is not a platform in the dataset` : `no platform: ${result.reason}`;
  console.log(json ? JSON.stringify({ platform: null, ...(result.kind === 'unknown' ? { host: result.host } : { reason: result.reason }) }) : what);
  process.exit(1);
}
const disclosure = buildDisclosure(compiled, result.platform);
console.log(json ? JSON.stringify(disclosureJson(disclosure, region), null, 2) : text(disclosure, region, compiled));
