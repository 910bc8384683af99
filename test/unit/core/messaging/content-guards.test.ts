/** The content script's light receipt checks accept exactly what the zod schemas (the one definition) accept. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBackgroundNotice, isLinkHostsReply, isPageSummaryReply } from '../../../../src/core/messaging/content-guards.ts';
import { parseBackgroundNotice, parseLinkHostsReply, parsePageSummaryReply } from '../../../../src/core/messaging/protocol.ts';

const code = fc.constantFrom('IE', 'CN', 'US', 'xx', 'C', 'USA', '');
const summary = fc.record(
  {
    platformId: fc.constantFrom('tiktok', 'google-search', 'Bad Id', ''),
    name: fc.oneof(fc.constant('TikTok'), fc.string({ maxLength: 210 })),
    countries: fc.array(code, { maxLength: 4 }),
    withoutAdequacy: fc.array(code, { maxLength: 3 }),
    actions: fc.oneof(fc.nat(20), fc.constant(-1), fc.constant(1.5)),
    headline: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('x'.repeat(2001))),
    regimeNote: fc.oneof(fc.string({ maxLength: 50 }), fc.constant('x'.repeat(1001)), fc.constant(7)),
  },
  { requiredKeys: ['platformId', 'name', 'countries', 'withoutAdequacy', 'actions'] },
);
const reply = fc.oneof(
  fc.record({ ok: fc.constant(true), summary: fc.oneof(fc.constant(null), summary), showBadge: fc.oneof(fc.boolean(), fc.constant('yes')), corner: fc.constantFrom('bottom-right', 'top-left', 'middle') }),
  fc.record({ ok: fc.constant(false), error: fc.constantFrom('bad-request', 'bad-sender', 'internal', 'other') }),
  fc.anything(),
);
const linkReply = fc.oneof(
  fc.record({ ok: fc.constant(true), matches: fc.array(fc.record({ host: fc.domain(), platformId: fc.constantFrom('tiktok', 'x'), name: fc.string({ maxLength: 5 }), countries: fc.array(code, { maxLength: 3 }), headline: fc.string({ maxLength: 20 }) }), { maxLength: 3 }) }),
  fc.anything(),
);

describe('content-script guards agree with the zod schemas', () => {
  it('page-summary replies', () => {
    fc.assert(
      fc.property(reply, (value) => {
        expect(isPageSummaryReply(value)).toBe(parsePageSummaryReply(value) !== undefined);
      }),
      { numRuns: 10_000 },
    );
  });
  it('background notices', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant({ type: 'tab-updated' }), fc.record({ type: fc.string() }), fc.anything()), (value) => {
        expect(isBackgroundNotice(value)).toBe(parseBackgroundNotice(value) !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });
  it('link-host replies', () => {
    fc.assert(
      fc.property(linkReply, (value) => {
        expect(isLinkHostsReply(value)).toBe(parseLinkHostsReply(value) !== undefined);
      }),
      { numRuns: 5_000 },
    );
  });
});
