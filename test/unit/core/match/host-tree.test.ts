/** The one definition of host nesting that provenance, the manifest's patterns and the badge registrations share. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAtOrUnder, topmostHosts } from '../../../../src/core/match/host-tree.ts';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const host = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'));

describe('host tree', () => {
  it('counts a host and its subdomains as under a domain, and a name that merely ends the same way not', () => {
    expect(isAtOrUnder('google.com', 'google.com')).toBe(true);
    expect(isAtOrUnder('mail.google.com', 'google.com')).toBe(true);
    expect(isAtOrUnder('notgoogle.com', 'google.com')).toBe(false);
    expect(isAtOrUnder('google.com', 'mail.google.com')).toBe(false);
  });

  it('keeps exactly the hosts under no other, once each, in their first order', () => {
    expect(topmostHosts(['mail.google.com', 'google.com', 'notgoogle.com', 'google.com', 'a.b.notgoogle.com'])).toEqual([
      'google.com',
      'notgoogle.com',
    ]);
  });

  it('covers every host given with a host it keeps, and keeps none under another kept one (any hosts)', () => {
    fc.assert(
      fc.property(fc.array(host, { maxLength: 12 }), fc.array(label, { maxLength: 3 }), (hosts, prefixes) => {
        // Subdomains of the generated hosts, so that nesting really occurs.
        const all = [...hosts, ...hosts.flatMap((h) => prefixes.map((p) => `${p}.${h}`))];
        const kept = topmostHosts(all);
        expect(new Set(kept).size).toBe(kept.length);
        for (const h of all) expect(kept.some((k) => isAtOrUnder(h, k))).toBe(true);
        for (const k of kept) expect(kept.some((o) => o !== k && isAtOrUnder(k, o))).toBe(false);
      }),
    );
  });
});
