import { describe, expect, it } from 'vitest';
import { createPlatformLookup, matchedKey } from '../../../src/core/lookup.ts';
import { compileFixture, platform, TIKTOK_LIKE } from '../fixtures.ts';

const google = platform('google-search', [['google.com', 'main']]);
const gmail = platform('gmail', [['mail.google.com', 'main']]);
const { lookup } = createPlatformLookup(compileFixture([TIKTOK_LIKE, google, gmail]));
const idOf = (input: unknown) => {
  const result = lookup(input);
  return result.kind === 'platform' ? result.platform.id : result.kind;
};

describe('every hostname form a user can meet resolves to its platform', () => {
  it.each([
    'tiktok.com',
    'www.tiktok.com',
    'm.tiktok.com',
    'vm.tiktok.com',
    'https://www.tiktok.com/@someone/video/1?lang=en#top',
    'http://tiktok.com',
    'WWW.TikTok.COM',
    'www.tiktok.com.',
    'https://www.tiktok.com./foryou',
    'www.tiktok.com:443',
    'https://www.tiktok.com:8443/',
    'https://user:pw@www.tiktok.com/',
    'ＴＩＫＴＯＫ.com', // full-width: the browser itself maps it to tiktok.com
    'musical.ly',
    'https://v16.tiktokcdn.com/video.mp4',
  ])('%s -> tiktok', (input) => expect(idOf(input)).toBe('tiktok'));

  it('prefers the more specific host: mail.google.com is Gmail, www.google.com is Search', () => {
    expect(idOf('https://mail.google.com/mail/u/0/')).toBe('gmail');
    expect(idOf('x.mail.google.com')).toBe('gmail');
    expect(idOf('https://www.google.com/search?q=mail.google.com')).toBe('google-search');
  });
});

describe('pages that are not platforms resolve to nothing', () => {
  it.each([
    ['nottiktok.com', 'unknown'],
    ['tiktok.com.evil.example', 'not-applicable'],
    ['tiktok.com.evil.com', 'unknown'],
    ['tiktok.com-evil.com', 'unknown'],
    ['https://evil.com/tiktok.com', 'unknown'],
    ['https://evil.com/?u=https://tiktok.com', 'unknown'],
    ['https://evil.com/#tiktok.com', 'unknown'],
    ['tiktok.co', 'unknown'],
    ['tiktok', 'not-applicable'],
    ['tiktok.com.localhost', 'not-applicable'],
    ['localhost', 'not-applicable'],
    ['http://localhost:8080/', 'not-applicable'],
    ['127.0.0.1', 'not-applicable'],
    ['http://2130706433/', 'not-applicable'],
    ['http://0x7f.1/', 'not-applicable'],
    ['http://[::1]/', 'not-applicable'],
    ['http://[::ffff:127.0.0.1]/', 'not-applicable'],
    ['file:///home/user/tiktok.com.html', 'not-applicable'],
    ['about:blank', 'not-applicable'],
    ['about:srcdoc', 'not-applicable'],
    ['data:text/html,tiktok.com', 'not-applicable'],
    ['blob:https://www.tiktok.com/1234', 'not-applicable'],
    ['javascript:alert(1)', 'not-applicable'],
    ['view-source:https://www.tiktok.com/', 'not-applicable'],
    ['chrome://extensions', 'not-applicable'],
    ['chrome-extension://abcdefghijklmnop/popup.html', 'not-applicable'],
    ['moz-extension://1234/popup.html', 'not-applicable'],
    ['edge://settings', 'not-applicable'],
    ['ftp://tiktok.com/', 'not-applicable'],
    ['wss://www.tiktok.com/socket', 'not-applicable'],
    ['', 'not-applicable'],
    ['   ', 'not-applicable'],
    ['http://', 'not-applicable'],
    ['xn--zz.com', 'not-applicable'],
    [`${'a'.repeat(64)}.tiktok.com`, 'not-applicable'],
    [`https://www.tiktok.com/${'x'.repeat(10_000)}`, 'not-applicable'],
  ])('%s -> %s', (input, expected) => expect(idOf(input)).toBe(expected));

  it.each([null, undefined, 42, {}, ['tiktok.com']])('non-string %j -> not-applicable', (input) => {
    expect(idOf(input)).toBe('not-applicable');
  });
});

describe('hosting suffixes under a platform domain are not the platform', () => {
  // fastly.net is Fastly's own domain; global.ssl.fastly.net is a public suffix under it for customers' hosts.
  const fastly = platform('fastly', [['fastly.net', 'cdn']]);
  const { lookup: l } = createPlatformLookup(compileFixture([fastly]));
  it('the platform domain matches, a customer host under a hosting suffix does not', () => {
    expect(l('https://www.fastly.net/').kind).toBe('platform');
    expect(l('https://global.ssl.fastly.net/').kind).toBe('unknown'); // itself a public suffix
    expect(l('https://customer.global.ssl.fastly.net/').kind).toBe('unknown');
  });
  it('a public suffix cannot be a platform domain', () => {
    expect(() => compileFixture([platform('blogger', [['blogspot.com', 'main']])])).toThrow(/public suffix/);
  });
});

describe('IDN', () => {
  const idn = platform('idn-shop', [['xn--85x722f.com.cn', 'main']]);
  const { lookup: l } = createPlatformLookup(compileFixture([idn]));
  it('matches the Unicode and the punycode form alike', () => {
    expect(l('https://www.食狮.com.cn/').kind).toBe('platform');
    expect(l('https://www.xn--85x722f.com.cn/').kind).toBe('platform');
    expect(l('https://www.食狮.com/').kind).toBe('unknown');
  });
});

describe('matchedKey: the platform host a dismissal is kept under', () => {
  const dataset = compileFixture([TIKTOK_LIKE, google, gmail]);
  it.each([
    ['www.tiktok.com', 'tiktok.com'],
    ['a.b.tiktok.com', 'tiktok.com'],
    ['mail.google.com', 'mail.google.com'],
    ['x.mail.google.com', 'mail.google.com'],
    ['www.google.com', 'google.com'],
    ['nottiktok.com', undefined],
    ['com', undefined],
  ])('%s -> %s', (host, key) => expect(matchedKey(dataset.hosts, host)).toBe(key));
});
