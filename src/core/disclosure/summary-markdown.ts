/**
 * The disclosure as Markdown, with every source, for the "copy summary" action (journalists, researchers). It
 * opens as the popup does (headline, counts line) and ends with what the reader can do; sections with nothing in
 * them are left out. Text comes through `t` and formatting through `f`, so it follows the messages' language; the
 * legal frame is the user's regime, through the same `frame` as the popup.
 */
import type { CompiledRegime } from '../dataset/compile.ts';
import type { Authority, Source } from '../dataset/schema.ts';
import type { Region } from '../settings/settings.ts';
import type { Destination, Disclosure } from './build-disclosure.ts';
import { countsLine, type CountsContext } from './counts.ts';
import { distinctSources, flowDates, quotedSource } from './flow-words.ts';
import { frame } from './framing.ts';
import type { Formatters } from '../format.ts';

type Translate = (key: string, substitutions?: string[]) => string;
type Format = Pick<Formatters, 'country' | 'amount' | 'date' | 'list' | 'number' | 'plural'>;
export type MarkdownContext = CountsContext & { region: Region; regime?: CompiledRegime; nationalAuthority?: Authority };

const link = (s: { url: string; publisher: string }) => `[${s.publisher.replace(/[[\]]/g, '')}](${s.url})`;
const links = (sources: readonly Source[]) => distinctSources(sources).map(link).join(', ');

/** The first quoted source's own words, as a quotation under the line it supports. */
function quoteLine(lines: string[], sources: readonly Source[]): void {
  const quoted = quotedSource(sources);
  // The note says which version of a changing page the words come from: a reader of the summary needs it too.
  if (quoted) lines.push(`  > ${quoted.quote.replace(/\s+/g, ' ')} (${link(quoted)}${quoted.note ? `; ${quoted.note}` : ''})`);
}

export function disclosureMarkdown(d: Disclosure, ctx: MarkdownContext, t: Translate, f: Format): string {
  const framing = frame(d, ctx.region, t, f);
  const lines: string[] = [`# ${d.platform.name}`, ''];
  if (d.retired) {
    lines.push(`**${t('retiredOn', [f.date(d.retired.date)])}** ${d.retired.summary} ${t('retiredFacts')} (${links(d.retired.sources)})`);
    quoteLine(lines, d.retired.sources);
    lines.push('');
  }
  lines.push(framing.headline, '', countsLine(d, ctx, t, f), '');
  if (d.operator) lines.push(`- ${t('operator')}: ${d.operator.name}, ${f.country(d.operator.country)} (${links(d.operator.sources)})`);
  if (d.parent) lines.push(`- ${t('parent')}: ${d.parent.name}, ${f.country(d.parent.headquarters ?? d.parent.country)} (${links(d.parent.sources)})`);
  if (d.leadAuthority) lines.push(`- ${t('leadAuthority')}: ${d.leadAuthority.name}`);
  if (d.privacyContact) lines.push(`- ${t('privacyContact')}: ${d.privacyContact.email ?? d.privacyContact.url ?? ''} (${links(d.privacyContact.sources)})`);
  const rules = ctx.regime?.frame === 'none' ? [] : (ctx.regime?.rules ?? []);
  // The regime's rules and list are about destinations: with none to apply them to, the section is empty.
  if (d.destinations.length > 0 || d.transferMechanisms.length > 0 || d.earlier.length > 0 || d.flowStatement) lines.push('', `## ${t('whereDataGoes')}`, '');
  if (d.flowStatement) {
    lines.push(`- ${d.flowStatement.summary} (${links(d.flowStatement.sources)})`);
    quoteLine(lines, d.flowStatement.sources);
  }
  const roleLine = (country: string, role: Destination['roles'][number]) => {
    lines.push(`- ${f.country(country)}: ${t(`role_${role.role.replaceAll('-', '_')}`)}${flowDates(role, t, f)}${role.detail ? `. ${role.detail}` : ''} (${links(role.sources)})`);
    quoteLine(lines, role.sources);
  };
  for (const { destination: dest, verdict, label } of framing.destinations) {
    for (const role of dest.roles) roleLine(dest.country, role);
    if (label) {
      const entry = verdict.entry;
      const sources = entry && entry.sources.length > 0 ? ` (${links(entry.sources)})` : '';
      lines.push(`  - ${label}${entry?.decided ? `, ${f.date(entry.decided)}` : ''}${entry?.scope ? `. ${entry.scope}` : ''}${sources}`);
    }
    if (dest.laws.length === 0) lines.push(`  - ${t('lawsNoneRecorded', [f.country(dest.country)])}`);
    for (const law of dest.laws) {
      lines.push(`  - ${t('lawsThere', [f.country(dest.country)])}: ${law.name}${law.adopted ? ` (${f.date(law.adopted)})` : ''}. ${law.summary} (${links(law.sources)})`);
    }
  }
  for (const rule of d.destinations.length > 0 ? rules : []) {
    lines.push(`- ${rule.provision}: ${rule.summary} (${links(rule.sources)})`);
  }
  if (ctx.regime?.list && d.destinations.length > 0) lines.push(`- ${ctx.regime.list.name} (${links(ctx.regime.list.sources)})`);
  if (d.earlier.length > 0) lines.push('', `### ${t('earlierFlows')}`, '');
  for (const dest of d.earlier) for (const role of dest.roles) roleLine(dest.country, role);
  for (const m of d.transferMechanisms) {
    lines.push(`- ${t(`mechanism_${m.mechanism.replaceAll('-', '_')}`)}${m.detail ? `: ${m.detail}` : ''} (${links(m.sources)})`);
  }
  if (d.actions.length > 0) lines.push('', `## ${t('regulatoryActions')}`, '');
  for (const a of d.actions) {
    const amount = a.amount !== undefined && a.currency ? `, ${f.amount(a.amount, a.currency)}` : '';
    const date = a.dateIsAnnouncement ? t('dateAnnounced', [f.date(a.date)]) : f.date(a.date);
    const checked = a.status.checked ? ` ${t('statusChecked', [f.date(a.status.checked)])}${a.status.source ? ` ${link(a.status.source)}` : ''}` : ` ${t('statusNeverChecked')}`;
    lines.push(`- ${date}, ${a.authorityInfo?.name ?? a.authority}: ${t(`type_${a.type.replaceAll('-', '_')}`)}${amount} (${t(`status_${a.status.value.replaceAll('-', '_')}`)}).${checked} ${a.summary} ${links(a.sources)}`);
    quoteLine(lines, a.sources);
  }
  if (d.positions.length > 0) {
    lines.push('', `## ${t('statedPosition')}`, '');
    for (const p of d.positions) lines.push(`- ${p.summary} (${links(p.sources)})`);
  }
  lines.push('', `## ${t('whatYouCanDo')}`, '', `- ${framing.rights}${rightsSources(ctx)}`);
  const authority = ctx.nationalAuthority;
  if (authority) lines.push(`- ${t('yourAuthority')} [${authority.name.replace(/[[\]]/g, '')}](${authority.url})`);
  lines.push('', `${t('reviewedOn', [f.date(d.reviewed), d.datasetVersion])} Residency Lens.`, '');
  return lines.join('\n');
}

function rightsSources(ctx: MarkdownContext): string {
  const sources = ctx.regime?.rights.flatMap((r) => r.sources) ?? [];
  return sources.length > 0 ? ` (${links(sources)})` : '';
}
