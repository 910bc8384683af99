/**
 * The disclosure as Markdown, with every source, for the "copy summary" action (journalists, researchers). It
 * opens as the popup does (headline, counts) and ends with what the reader can do; sections with nothing in them
 * are left out. Text comes through `t` and formatting through `f`, so it follows the messages' language; the
 * headline and counts come from the caller, the same strings the popup shows.
 */
import type { Disclosure } from './build-disclosure.ts';
import type { TodoItem } from './what-you-can-do.ts';

type Translate = (key: string, substitutions?: string[]) => string;
type Format = { country(code: string): string; amount(amount: number, currency: string): string; date(iso: string): string };

/** What the popup says first and last, as the popup itself says it. */
export type SummaryFraming = { headline: string; counts: string; todo: TodoItem[] };

const link = (s: { url: string; publisher: string }) => `[${s.publisher.replace(/[[\]]/g, '')}](${s.url})`;

export function disclosureMarkdown(d: Disclosure, framing: SummaryFraming, t: Translate, f: Format): string {
  const lines: string[] = [`# ${d.platform.name}`, '', framing.headline, '', framing.counts, ''];
  if (d.operator) lines.push(`- ${t('operator')}: ${d.operator.name}, ${f.country(d.operator.country)} (${d.operator.sources.map(link).join(', ')})`);
  if (d.parent) lines.push(`- ${t('parent')}: ${d.parent.name}, ${f.country(d.parent.headquarters ?? d.parent.country)} (${d.parent.sources.map(link).join(', ')})`);
  if (d.leadAuthority) lines.push(`- ${t('leadAuthority')}: ${d.leadAuthority.name}`);
  if (d.privacyContact) lines.push(`- ${t('privacyContact')}: ${d.privacyContact.email ?? d.privacyContact.url ?? ''} (${d.privacyContact.sources.map(link).join(', ')})`);
  if (d.destinations.length > 0 || d.transferMechanisms.length > 0) {
    lines.push('', `## ${t('whereDataGoes')}`, '');
    for (const dest of d.destinations) {
      for (const role of dest.roles) {
        lines.push(`- ${f.country(dest.country)}: ${t(`role_${role.role.replaceAll('-', '_')}`)}${role.detail ? `. ${role.detail}` : ''} (${role.sources.map(link).join(', ')})`);
      }
      const adequacy = dest.adequacy;
      if (adequacy && adequacy.sources.length > 0) {
        lines.push(`  - ${t(`adequacy_${adequacy.status}`)}${adequacy.decided ? `, ${f.date(adequacy.decided)}` : ''} (${adequacy.sources.map(link).join(', ')})`);
      }
      for (const law of dest.laws) lines.push(`  - ${law.name}: ${law.summary} (${law.sources.map(link).join(', ')})`);
    }
    for (const m of d.transferMechanisms) {
      lines.push(`- ${t(`mechanism_${m.mechanism.replaceAll('-', '_')}`)}${m.detail ? `: ${m.detail}` : ''} (${m.sources.map(link).join(', ')})`);
    }
  }
  if (d.actions.length > 0) {
    lines.push('', `## ${t('regulatoryActions')}`, '');
    for (const a of d.actions) {
      const amount = a.amount !== undefined && a.currency ? `, ${f.amount(a.amount, a.currency)}` : '';
      const date = a.dateIsAnnouncement ? t('dateAnnounced', [f.date(a.date)]) : f.date(a.date);
      const checked = a.status.checked ? ` ${t('statusChecked', [f.date(a.status.checked)])}${a.status.source ? ` ${link(a.status.source)}` : ''}` : ` ${t('statusNeverChecked')}`;
      lines.push(`- ${date}, ${a.authorityInfo?.name ?? a.authority}: ${t(`type_${a.type.replaceAll('-', '_')}`)}${amount} (${t(`status_${a.status.value.replaceAll('-', '_')}`)}).${checked} ${a.summary} ${a.sources.map(link).join(', ')}`);
      const quoted = a.sources.find((s) => s.quote);
      if (quoted?.quote) lines.push(`  > ${quoted.quote.replace(/\s+/g, ' ')} (${link(quoted)})`);
    }
  }
  if (d.positions.length > 0) {
    lines.push('', `## ${t('statedPosition')}`, '');
    for (const p of d.positions) lines.push(`- ${p.summary} (${p.sources.map(link).join(', ')})`);
  }
  lines.push('', `## ${t('whatYouCanDo')}`, '');
  for (const item of framing.todo) lines.push(`- ${item.text}${item.link ? ` [${item.link.label.replace(/[[\]]/g, '')}](${item.link.url})` : ''}`);
  lines.push('', `${t('reviewedOn', [f.date(d.reviewed), d.datasetVersion])} Residency Lens.`, '');
  return lines.join('\n');
}
