/**
 * A ready-to-send request for a copy of one's data, citing the right of access in the user's regime (GDPR
 * Article 15, UK GDPR, the Swiss FADP, PIPEDA, the LGPD, PIPA, the DPDP Act, APP 12, the PIPL...), and a plain
 * request elsewhere. Addressed to the operator (or the parent) and to the privacy contact in the dataset, when
 * there is one.
 */
import type { Region } from '../settings/settings.ts';
import type { Disclosure } from './build-disclosure.ts';

type Translate = (key: string, substitutions?: string[]) => string;

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
    t(`accessBasis_${region}`),
    '',
    t('accessItems'),
    '',
    t('accessClosing'),
  ].join('\n');
  const email = d.privacyContact?.email;
  return email ? { text, mailto: `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}` } : { text };
}
