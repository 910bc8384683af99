/**
 * The reliability suite's property tests, over the real dataset: for any input, the matcher and every message
 * validator return a result or a typed error and never throw; a hostname's look-up does not depend on case,
 * trailing dot, port, or Unicode versus punycode; a look-alike never matches. 100,000 generated cases a run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlatformLookup } from '../../../src/core/lookup.ts';
import {
  parseCardHeadlineReply,
  parseContentRequest,
  parseLinkHostsReply,
  parsePageRequest,
  parsePageSummaryReply,
  parseTabActivityReply,
} from '../../../src/core/messaging/protocol.ts';
import { getDomain } from 'tldts';
import { readSettings } from '../../../src/core/settings/settings.ts';
import { realDataset } from '../helpers.ts';

const dataset = realDataset();
const { lookup } = createPlatformLookup(dataset);
const keys = Object.keys(dataset.hosts.keys);
// A label starting "xn--" is punycode and must decode (the URL parser refuses "xn--0" as the address bar does),
// so random ASCII labels leave that prefix out; Unicode and punycode forms have their own property below.
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--'));
const platformHost = fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom(...keys)).map(([l, k]) => [...l, k].join('.'));
const idOf = (input: unknown) => {
  const r = lookup(input);
  return r.kind === 'platform' ? r.platform.id : null;
};
const RUNS = 20_000;

describe('reliability: properties (100,000 cases)', { timeout: 60_000 }, () => {
  it('the matcher never throws, for any string or value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.webUrl(), fc.domain(), fc.anything()), (input) => {
        expect(['platform', 'unknown', 'not-applicable']).toContain(lookup(input).kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the same platform in upper case, with a trailing dot, with a port, in a URL', () => {
    fc.assert(
      fc.property(platformHost, fc.integer({ min: 1, max: 65535 }), (host, port) => {
        const id = idOf(host);
        expect(id).not.toBeNull();
        expect(idOf(host.toUpperCase())).toBe(id);
        expect(idOf(`${host}.`)).toBe(id);
        expect(idOf(`${host}:${port}`)).toBe(id);
        expect(idOf(`https://${host}:${port}/path?q=1#x`)).toBe(id);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the same platform for a Unicode hostname and its punycode', () => {
    const unicodeLabel = fc.constantFrom('münchen', 'café', 'δοκιμή', 'пример', '例え', 'bücher');
    fc.assert(
      fc.property(unicodeLabel, fc.constantFrom(...keys), (l, key) => {
        const unicode = `${l}.${key}`;
        const puny = new URL(`http://${unicode}/`).hostname;
        expect(puny).toMatch(/^xn--/);
        expect(idOf(puny)).toBe(idOf(unicode));
        expect(idOf(unicode)).toBe(idOf(key));
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it('a look-alike never matches the platform it imitates', () => {
    // Look-alikes of registrable domains ("notsnap.licdn.com" is a real LinkedIn host, not a look-alike).
    const registrable = keys.filter((k) => getDomain(k, { allowPrivateDomains: true }) === k);
    fc.assert(
      fc.property(fc.constantFrom(...registrable), label, fc.constantFrom('evil.example.com', 'example.net', 'attacker.io', 'co.uk'), (key, l, suffix) => {
        const id = idOf(key);
        for (const lookalike of [`${key}.${suffix}`, `${l}${key.replaceAll('.', '-')}.com`, `not${key}`, `${key}-${l}.net`, `https://${suffix}/${key}`, `https://${suffix}/?u=${key}`]) {
          expect(idOf(lookalike), lookalike).not.toBe(id);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every message validator returns a result or a typed error for anything', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => {
        const content = parseContentRequest(value);
        expect(content.ok || content.error === 'bad-request').toBe(true);
        const page = parsePageRequest(value);
        expect(page.ok || page.error === 'bad-request').toBe(true);
        parsePageSummaryReply(value);
        parseTabActivityReply(value);
        parseLinkHostsReply(value);
        parseCardHeadlineReply(value);
        expect(readSettings(value).version).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('message validators reject huge strings and arrays with a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 201, max: 600 }), fc.string({ minLength: 254, maxLength: 5000 }), (n, big) => {
        expect(parseContentRequest({ type: 'link-hosts', hosts: Array.from({ length: n }, () => 'a.com') })).toEqual({ ok: false, error: 'bad-request' });
        expect(parseContentRequest({ type: 'link-hosts', hosts: [big] })).toEqual({ ok: false, error: 'bad-request' });
        expect(parseContentRequest({ type: 'page-summary', url: big })).toEqual({ ok: false, error: 'bad-request' });
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
