/**
 * "What you can do", as plain items: the lead authority, the user's own authority, and their right of access in
 * their legal setting. The popup renders them with its buttons; the Markdown summary lists them.
 */
import type { Authority } from '../dataset/schema.ts';
import type { Translate } from '../i18n/plural.ts';
import type { Region } from '../settings/settings.ts';
import type { Disclosure } from './build-disclosure.ts';

export type TodoItem = { text: string; link?: { label: string; url: string } };

export function whatYouCanDo(d: Disclosure, region: Region, nationalAuthority: Authority | undefined, t: Translate): TodoItem[] {
  return [
    ...(d.leadAuthority ? [{ text: t('leadAuthorityExplained', [d.leadAuthority.name]) }] : []),
    ...(nationalAuthority ? [{ text: t('yourAuthority'), link: { label: nationalAuthority.name, url: nationalAuthority.url } }] : []),
    { text: t(region === 'eu' || region === 'uk' ? 'accessRightGdpr' : 'accessRightOther') },
  ];
}
