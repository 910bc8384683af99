/** Whatever a page or a forged sender sends, the background answers with a typed error and reveals nothing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleContentMessage } from '../../../src/background/handle-message.ts';
import { buildDisclosure } from '../../../src/core/disclosure/build-disclosure.ts';
import { frame } from '../../../src/core/disclosure/framing.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { DEFAULT_SETTINGS, updateSettings, type Settings } from '../../../src/core/settings/settings.ts';
import { answererFor, compileFixture, platform, TIKTOK_LIKE } from '../fixtures.ts';

const google = platform('google-search', [['google.com', 'main']], { name: 'Google Search' });
const gmail = platform('gmail', [['mail.google.com', 'main']], { name: 'Gmail' });
const answerer = answererFor(compileFixture([TIKTOK_LIKE, google, gmail]));
const ID = 'our-extension-id';
const sender = (over: Record<string, unknown> = {}) => ({ id: ID, url: 'https://www.tiktok.com/', frameId: 0, tab: { id: 7 }, ...over });
const settings = updateSettings(DEFAULT_SETTINGS, { region: 'eu' });
const handle = (message: unknown, s: Record<string, unknown> = sender(), set: Settings = settings) => handleContentMessage(message, s as never, ID, answerer, set);
const ask = async (message: unknown, s?: Record<string, unknown>, set?: Settings) => (await handle(message, s, set)).reply;

describe('handleContentMessage', () => {
  it('answers a content script about its own page', async () => {
    expect(await ask({ type: 'page-summary' })).toMatchObject({ ok: true, summary: { platformId: 'tiktok', countries: ['IE', 'US', 'CN'], withoutAdequacy: ['CN'] }, showBadge: true });
    expect(await ask({ type: 'page-summary' }, sender({ url: 'https://example.com/' }))).toEqual({ ok: true, summary: null, showBadge: false, corner: 'bottom-right' });
  });

  it('gives the card the headline of the page\'s platform, framed by the one framing function in the user\'s region', async () => {
    const dataset = compileFixture([TIKTOK_LIKE, google, gmail]);
    const d = buildDisclosure(dataset, dataset.platforms[0]!);
    for (const region of ['eu', 'uk', 'us', 'other'] as const) {
      const reply = await ask({ type: 'card-headline' }, sender(), updateSettings(settings, { region }));
      expect(reply, region).toEqual({ ok: true, headline: frame(d, region, (k) => k, createFormatters('en')).headline });
    }
    expect(await ask({ type: 'card-headline' }, sender({ url: 'https://example.com/' }))).toEqual({ ok: false, error: 'bad-request' });
  });

  it('follows the settings: switched off, badge off, a hidden platform host, the corner', async () => {
    expect(await ask({ type: 'page-summary' }, sender(), updateSettings(settings, { enabled: false }))).toMatchObject({ ok: true, summary: null, showBadge: false });
    expect(await ask({ type: 'page-summary' }, sender(), updateSettings(settings, { inPageBadge: false }))).toMatchObject({ ok: true, showBadge: false });
    expect(await ask({ type: 'page-summary' }, sender(), updateSettings(settings, { siteExceptions: ['tiktok.com'] }))).toMatchObject({ ok: true, showBadge: false });
    expect(await ask({ type: 'page-summary' }, sender(), updateSettings(settings, { badgeCorner: 'top-left' }))).toMatchObject({ showBadge: true, corner: 'top-left' });
  });

  it('lets a platform page hide the badge on its own platform host only (Gmail, not Google Search)', async () => {
    expect((await handle({ type: 'dismiss-on-site' }, sender({ url: 'https://m.tiktok.com/x' }))).dismiss).toBe('tiktok.com');
    expect((await handle({ type: 'dismiss-on-site' }, sender({ url: 'https://mail.google.com/mail/u/0/' }))).dismiss).toBe('mail.google.com');
    expect((await handle({ type: 'dismiss-on-site' }, sender({ url: 'https://www.google.com/search?q=x' }))).dismiss).toBe('google.com');
    const hidden = updateSettings(settings, { siteExceptions: ['mail.google.com'] });
    expect(await ask({ type: 'page-summary' }, sender({ url: 'https://www.google.com/' }), hidden)).toMatchObject({ summary: { platformId: 'google-search' }, showBadge: true });
    expect(await ask({ type: 'page-summary' }, sender({ url: 'https://mail.google.com/' }), hidden)).toMatchObject({ summary: { platformId: 'gmail' }, showBadge: false });
    const elsewhere = await handle({ type: 'dismiss-on-site' }, sender({ url: 'https://news.example.com/' }));
    expect(elsewhere.dismiss).toBeUndefined();
    expect(elsewhere.reply).toEqual({ ok: false, error: 'bad-request' });
  });

  it('answers a page being prerendered (Chrome gives it a frame id of its own) but lets it change nothing', async () => {
    const prerendering = sender({ frameId: 5, documentLifecycle: 'prerender' });
    expect(await ask({ type: 'page-summary' }, prerendering)).toMatchObject({ ok: true, summary: { platformId: 'tiktok' } });
    const dismissed = await handle({ type: 'dismiss-on-site' }, prerendering);
    expect(dismissed.dismiss).toBeUndefined();
    expect(dismissed.reply).toEqual({ ok: false, error: 'bad-request' });
  });

  it('uses the sender URL, never one named in the message', async () => {
    const reply = await ask({ type: 'page-summary', url: 'https://www.tiktok.com/' }, sender({ url: 'https://news.example.com/' }));
    expect(reply).toEqual({ ok: false, error: 'bad-request' });
  });

  it.each([
    ['another extension', { id: 'someone-else' }],
    ['a sub-frame', { frameId: 3 }],
    ['a sub-frame that claims nothing', { frameId: 3, documentLifecycle: 'active' }],
    ['no tab', { tab: undefined }],
    ['no URL', { url: undefined }],
  ])('rejects %s', async (_name, over) => expect(await ask({ type: 'page-summary' }, sender(over))).toEqual({ ok: false, error: 'bad-sender' }));

  it.each([
    undefined,
    null,
    'page-summary',
    { type: 'open-url', url: 'https://evil.example/' },
    { type: 'set-setting', key: 'x' },
    { type: 'page-summary', extra: 'x'.repeat(100_000) },
    { type: ['page-summary'] },
  ])('rejects message %# with a typed error', async (message) => expect(await ask(message)).toEqual({ ok: false, error: 'bad-request' }));

  it('never throws, whatever arrives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const reply = await ask(message);
        expect(reply.ok === false ? reply.error : 'ok').toMatch(/^(bad-request|ok)$/);
      }),
      { numRuns: 2000 },
    );
  });
});
