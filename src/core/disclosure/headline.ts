/**
 * One plain sentence (or three): where a platform's data goes and why it matters in the user's legal setting.
 * Shared by the popup, the in-page card and the toolbar, so they never say different things.
 */
import type { Formatters } from '../format.ts';
import type { Region } from '../settings/settings.ts';
import type { Destination, Disclosure } from './build-disclosure.ts';
import { withoutAdequacy } from './framing.ts';

type Translate = (key: string, substitutions?: string[]) => string;

export function headline(d: Disclosure, region: Region, t: Translate, f: Pick<Formatters, 'country' | 'list'>): string {
  const names = (list: Destination[]) => f.list(list.map((x) => f.country(x.country)));
  // A country reached remotely is named as such even where some data was also stored there: access is the point.
  const accessed = d.destinations.filter((x) => x.roles.some((r) => r.role === 'remote-access'));
  const stored = d.destinations.filter((x) => x.roles.some((r) => r.role === 'storage') && !accessed.includes(x));
  const processed = d.destinations.filter((x) => !stored.includes(x) && !accessed.includes(x));
  const sentences: string[] = [];
  if (stored.length > 0 && accessed.length > 0) sentences.push(t('headlineStoredAccessed', [d.platform.name, names(stored), names(accessed)]));
  else if (stored.length > 0) sentences.push(t('headlineStored', [d.platform.name, names(stored)]));
  else if (accessed.length > 0) sentences.push(t('headlineAccessed', [d.platform.name, names(accessed)]));
  if (processed.length > 0) sentences.push(t('headlineProcessed', [names(processed)]));
  if (d.destinations.length === 0) sentences.push(t('headlineNoFlows', [d.platform.name]));
  const lacking = withoutAdequacy(d, region);
  if (lacking.length > 0) {
    sentences.push(t(region === 'uk' ? 'headlineNoUkAdequacy' : 'headlineNoAdequacy', [names(lacking)]));
    const laws = lacking.flatMap((x) => x.laws.map((l) => l.name));
    if (laws.length > 0) sentences.push(t('headlineLaws', [f.list(laws.slice(0, 2))]));
  }
  return sentences.join(' ');
}
