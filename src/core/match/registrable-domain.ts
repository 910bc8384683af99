/** Registrable domain ("eTLD+1") by the Public Suffix List, private section included, through tldts. */
import { getDomain } from 'tldts';
import { normalizeHost } from './normalize-host.ts';

export function registrableDomain(input: unknown): string | null {
  const host = normalizeHost(input);
  if (!host.ok) return null;
  return getDomain(host.host, { allowPrivateDomains: true });
}
