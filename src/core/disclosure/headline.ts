/**
 * One plain sentence (or three): where a platform's data goes and what the user's own legal regime makes of it.
 * A shorthand for `frame(...).headline` (see framing.ts), which the popup, the in-page card and the toolbar share.
 */
import type { Formatters } from '../format.ts';
import type { Region } from '../settings/settings.ts';
import type { Disclosure } from './build-disclosure.ts';
import { frame } from './framing.ts';

type Translate = (key: string, substitutions?: string[]) => string;

export function headline(d: Disclosure, region: Region, t: Translate, f: Pick<Formatters, 'country' | 'list'>): string {
  return frame(d, region, t, f).headline;
}
