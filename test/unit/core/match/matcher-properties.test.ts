/**
 * Property tests: the suffix-walk matcher must agree with the reference ("registrable domain by tldts, then the
 * most specific key at or below it") for any hostname, and must not care about case, trailing dots or ports.
 */
import fc from 'fast-check';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { createPlatformLookup } from '../../../../src/core/lookup.ts';
import { createHostMatcher, walkHostTable } from '../../../../src/core/match/platform-index.ts';
import { compileFixture, platform, TIKTOK_LIKE } from '../../fixtures.ts';

const dataset = compileFixture([
  TIKTOK_LIKE,
  platform('google-search', [['google.com', 'main'], ['google.co.uk', 'regional']]),
  platform('gmail', [['mail.google.com', 'main']]),
  platform('fastly', [['fastly.net', 'cdn']]),
]);
const { lookup, lookupHost } = createPlatformLookup(dataset);
const keys = new Map(Object.entries(dataset.hosts.keys));

function reference(host: string): number | undefined {
  const registrable = getDomain(host, { allowPrivateDomains: true });
  if (!registrable) return undefined;
  for (let h = host; ; h = h.slice(h.indexOf('.') + 1)) {
    const found = keys.get(h);
    if (found !== undefined) return found;
    if (h === registrable || !h.includes('.')) return undefined;
  }
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const tail = fc.constantFrom(...Object.keys(dataset.hosts.keys), ...dataset.hosts.stops, 'com', 'co.uk', 'evil.example.com', 'github.io', 'ssl.fastly.net');
const host = fc.tuple(fc.array(label, { maxLength: 4 }), tail).map(([labels, t]) => [...labels, t].join('.'));
const runs = { numRuns: 5000 };

describe('matcher properties', () => {
  it('agrees with the tldts reference on generated hostnames', () => {
    fc.assert(
      fc.property(host, (h) => {
        expect(lookupHost(h)?.id).toBe(dataset.platforms[reference(h) ?? -1]?.id);
      }),
      runs,
    );
  });

  it('gives the same answer in upper case, with a trailing dot and with a port', () => {
    fc.assert(
      fc.property(host, fc.integer({ min: 1, max: 65535 }), (h, port) => {
        const expected = lookup(h);
        expect(lookup(h.toUpperCase())).toEqual(expected);
        expect(lookup(`${h}.`)).toEqual(expected);
        expect(lookup(`https://${h}:${port}/path`)).toEqual(expected);
      }),
      runs,
    );
  });

  it('gives the same answer by a single walk over the table (the in-page badge\'s look-up), with the key it stopped at', () => {
    const matcher = createHostMatcher(dataset.hosts);
    fc.assert(
      fc.property(host, (h) => {
        const walked = walkHostTable(dataset.hosts, h);
        expect(walked?.index).toBe(matcher(h));
        if (walked) expect(h === walked.key || h.endsWith(`.${walked.key}`)).toBe(true);
      }),
      runs,
    );
  });

  it('never throws, whatever the string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void lookup(s)), runs);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => void lookup(s)), runs);
  });

  it('a look-alike that only contains a platform domain never matches', () => {
    fc.assert(
      fc.property(label, fc.constantFrom('tiktok.com', 'google.com'), fc.constantFrom('evil.com', 'example.net', 'co.uk'), (l, key, suffix) => {
        expect(lookup(`${key}.${suffix}`).kind).not.toBe('platform');
        expect(lookup(`${l}${key}.${suffix}`).kind).not.toBe('platform');
        expect(lookup(`${key}-${l}.com`).kind).not.toBe('platform');
      }),
      runs,
    );
  });
});
