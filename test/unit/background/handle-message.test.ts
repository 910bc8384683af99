/** Whatever a page or a forged sender sends, the background answers with a typed error and reveals nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../../src/background/answerer.ts';
import { handleContentMessage } from '../../../src/background/handle-message.ts';
import { DEFAULT_SETTINGS, updateSettings } from '../../../src/core/settings/settings.ts';
import { compileFixture } from '../fixtures.ts';

const answerer = createAnswerer(compileFixture());
const ID = 'our-extension-id';
const sender = (over: Record<string, unknown> = {}) => ({ id: ID, url: 'https://www.tiktok.com/', frameId: 0, tab: { id: 7 }, ...over });
const settings = updateSettings(DEFAULT_SETTINGS, { region: 'eu' });
const ask = (message: unknown, s: Record<string, unknown> = sender(), set = settings) => handleContentMessage(message, s as never, ID, answerer, set).reply;

describe('handleContentMessage', () => {
  it('answers a content script about its own tab', () => {
    expect(ask({ type: 'page-summary' })).toMatchObject({ ok: true, summary: { platformId: 'tiktok', countries: ['IE', 'US', 'CN'] } });
    expect(ask({ type: 'page-summary' }, sender({ url: 'https://example.com/' }))).toEqual({ ok: true, summary: null, showBadge: false, corner: 'bottom-right' });
  });

  it('follows the settings: switched off, badge off, a site exception, the corner', () => {
    expect(ask({ type: 'page-summary' }, sender(), updateSettings(settings, { enabled: false }))).toMatchObject({ ok: true, summary: null, showBadge: false });
    expect(ask({ type: 'page-summary' }, sender(), updateSettings(settings, { inPageBadge: false }))).toMatchObject({ ok: true, showBadge: false });
    expect(ask({ type: 'page-summary' }, sender(), updateSettings(settings, { siteExceptions: ['tiktok.com'] }))).toMatchObject({ ok: true, showBadge: false });
    expect(ask({ type: 'page-summary' }, sender(), updateSettings(settings, { badgeCorner: 'top-left' }))).toMatchObject({ showBadge: true, corner: 'top-left' });
  });

  it('lets a platform page hide the badge on its own site only', () => {
    const handled = handleContentMessage({ type: 'dismiss-on-site' }, sender({ url: 'https://m.tiktok.com/x' }) as never, ID, answerer, settings);
    expect(handled.dismissSite).toBe('tiktok.com');
    const elsewhere = handleContentMessage({ type: 'dismiss-on-site' }, sender({ url: 'https://news.example.com/' }) as never, ID, answerer, settings);
    expect(elsewhere.dismissSite).toBeUndefined();
    expect(elsewhere.reply).toEqual({ ok: false, error: 'bad-request' });
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
