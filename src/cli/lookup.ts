/**
 * `npm run lookup -- [--json] <url or hostname>`: the disclosure for a page, from the same core the extension
 * uses. Exit status: 0 a known platform, 1 no platform, 2 bad input (one line on stderr, no stack trace);
 * `--help` prints the usage.
 */
import { compileDataset } from '../core/dataset/compile.ts';
import { buildDisclosure, type Disclosure } from '../core/disclosure/build-disclosure.ts';
import { createPlatformLookup } from '../core/lookup.ts';
import { loadDataset } from './read-data.ts';
import { publicSuffixes } from './public-suffixes.ts';

const USAGE = `usage: npm run lookup -- [--json] <url or hostname>
  Prints what Residency Lens says about the platform of a page: who runs it, where its data may go, the
  regulatory actions, each with its sources. --json prints the same as JSON.
  Exit status: 0 a known platform, 1 no platform, 2 bad input.`;

function fail(message: string): never {
  console.error(`lookup: ${message}`);
  process.exit(2);
}

export function disclosureJson(d: Disclosure) {
  return {
    platform: { id: d.platform.id, name: d.platform.name },
    operator: d.operator && { name: d.operator.name, country: d.operator.country },
    parent: d.parent && { name: d.parent.name, country: d.parent.country, headquarters: d.parent.headquarters ?? d.parent.country },
    flows: d.destinations.flatMap((dest) =>
      dest.roles.map((r) => ({ country: dest.country, role: r.role, adequacy: dest.adequacy?.status ?? 'none', sources: r.sources.map((s) => s.url) })),
    ),
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

function text(d: Disclosure): string {
  const region = new Intl.DisplayNames(['en'], { type: 'region' });
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  const lines = [`${d.platform.name} (${d.platform.id})`];
  if (d.operator) lines.push(`  Operator for the EEA: ${d.operator.name}, ${region.of(d.operator.country)}`);
  if (d.parent) lines.push(`  Parent: ${d.parent.name}, ${region.of(d.parent.headquarters ?? d.parent.country)}`);
  lines.push('  Where data goes:');
  for (const dest of d.destinations) {
    lines.push(`    ${region.of(dest.country)} (${dest.country}): ${dest.roles.map((r) => r.role).join(', ')}; EU adequacy: ${dest.adequacy?.status ?? 'none'}`);
  }
  lines.push(`  Regulatory actions (${d.actions.length}):`);
  for (const a of d.actions) {
    const amount = a.amount !== undefined && a.currency ? ` ${money(a.amount, a.currency)}` : '';
    lines.push(`    ${a.date} ${a.authorityInfo?.name ?? a.authority}: ${a.type}${amount} [${a.status.value}]`);
    lines.push(`      ${a.sources[0]!.url}`);
  }
  lines.push(`  Reviewed ${d.reviewed}; dataset ${d.datasetVersion}`);
  return lines.join('\n');
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const json = args.includes('--json');
const inputs = args.filter((a) => a !== '--json' && a !== '--');
if (inputs.length !== 1) fail(`${USAGE.split('\n')[0]} (--help for more)`);

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
console.log(json ? JSON.stringify(disclosureJson(disclosure), null, 2) : text(disclosure));
