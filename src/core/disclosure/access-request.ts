/**
 * A ready-to-send request for a copy of one's data: GDPR Article 15 for users in the EU/EEA, UK GDPR Article 15
 * in the UK, the Swiss FADP Article 25 in Switzerland, and a plain request elsewhere. Addressed to the operator
 * (or the parent) and to the privacy contact in the dataset, when there is one.
 */
import type { Region } from '../settings/settings.ts';
import type { Disclosure } from './build-disclosure.ts';

type Translate = (key: string, substitutions?: string[]) => string;

const LEGAL_BASIS: Record<Region, string> = {
  eu: 'accessBasis_eu',
  uk: 'accessBasis_uk',
  ch: 'accessBasis_ch',
  us: 'accessBasis_other',
  other: 'accessBasis_other',
};

export function accessRequest(d: Disclosure, region: Region, t: Translate): { text: string; mailto?: string } {
  const company = d.operator?.name ?? d.parent?.name ?? d.platform.name;
  const to = d.privacyContact?.email ?? d.privacyContact?.url;
  const subject = t('accessSubject', [d.platform.name]);
  const text = [
    ...(to ? [`${t('accessTo')}: ${to}`] : []),
    `${t('accessSubjectLabel')}: ${subject}`,
    '',
    t('accessGreeting', [company]),
    '',
    t(LEGAL_BASIS[region]),
    '',
    t('accessItems'),
    '',
    t('accessClosing'),
  ].join('\n');
  const email = d.privacyContact?.email;
  return email ? { text, mailto: `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}` } : { text };
}
