/** Whatever a page or a forged sender sends, the background answers with a typed error and reveals nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/background/answerer.ts';
import { handleContentMessage } from '../../../src/background/handle-message.ts';
import { compileFixture } from '../fixtures.ts';

const answerer = createAnswerer(compileFixture());
const ID = 'our-extension-id';
const sender = (over: Record<string, unknown> = {}) => ({ id: ID, url: 'https://www.tiktok.com/', frameId: 0, tab: { id: 7 }, ...over });
const ask = (message: unknown, s: Record<string, unknown> = sender()) => handleContentMessage(message, s as never, ID, answerer).reply;

describe('handleContentMessage', () => {
  it('answers a content script about its own tab', () => {
    expect(ask({ type: 'page-summary' })).toMatchObject({ ok: true, summary: { platformId: 'tiktok', countries: ['IE', 'US', 'CN'] } });
    expect(ask({ type: 'page-summary' }, sender({ url: 'https://example.com/' }))).toEqual({ ok: true, summary: null, showBadge: true });
  });

  it('uses the sender URL, never one named in the message', () => {
    const reply = ask({ type: 'page-summary', url: 'https://www.tiktok.com/' }, sender({ url: 'https://news.example.com/' }));
    expect(reply).toEqual({ ok: false, error: 'bad-request' });
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a sub-frame', { frameId: 3 }],
    ['no tab', { tab: undefined }],
    ['no URL', { url: undefined }],
  ])('rejects %s', (_name, over) => expect(ask({ type: 'page-summary' }, sender(over))).toEqual({ ok: false, error: 'bad-sender' }));

  it.each([
    undefined,
    null,
    'page-summary',
    { type: 'open-url', url: 'https://evil.example/' },
    { type: 'set-setting', key: 'x' },
    { type: 'page-summary', extra: 'x'.repeat(1_000_000) },
    { type: ['page-summary'] },
  ])('rejects %j with a typed error', (message) => expect(ask(message)).toEqual({ ok: false, error: 'bad-request' }));

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const reply = ask(message);
        expect(reply.ok === false ? reply.error : 'ok').toMatch(/^(bad-request|ok)$/);
      }),
      { numRuns: 2000 },
    );
  });
});
