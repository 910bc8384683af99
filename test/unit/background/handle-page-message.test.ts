/**
 * The popup's question about a tab: server addresses the browser reported (IPv4 and IPv6) come back as
 * countries, through the same tracker and look-up the background uses.
 */
import { describe, expect, it } from 'vitest';
import { handlePageMessage } from '../../../src/background/handle-page-message.ts';
import { buildIpCountryTable } from '../../../src/core/ip-country/build-table.ts';
import { decodeIpCountryTable, encodeIpCountryTable } from '../../../src/core/ip-country/format.ts';
import { createIpCountryLookup } from '../../../src/core/ip-country/lookup.ts';
import { createTabTracker } from '../../../src/core/observer/third-parties.ts';

const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const popup = { id: ID, url: `${ORIGIN}src/popup/index.html?tab=3` };

const prefix48 = (hex: string) => BigInt(`0x${hex}`) << 80n;
const { countries, v4, v6 } = buildIpCountryTable(
  [{ start: 157n << 24n, end: (158n << 24n) - 1n, country: 'IE' }], // 157.0.0.0/8
  [
    { start: prefix48('200148600000'), end: prefix48('200148610000') - 1n, country: 'US' }, // 2001:4860::/32
    { start: prefix48('2a0328800000'), end: prefix48('2a0328810000') - 1n, country: 'IE' }, // 2a03:2880::/32
  ],
);
const serverCountry = createIpCountryLookup(decodeIpCountryTable(encodeIpCountryTable(countries, v4, v6)));

describe('handlePageMessage', () => {
  it('places the page and the platforms it talked to from IPv6 and IPv4 addresses alike', () => {
    const platformOf = (host: string) => (host.endsWith('facebook.com') || host.endsWith('facebook.net') ? 'facebook' : host.endsWith('google-analytics.com') ? 'google-analytics' : undefined);
    const tracker = createTabTracker(platformOf);
    tracker.observe({ tabId: 3, url: 'https://www.facebook.com/', type: 'main_frame' });
    tracker.observe({ tabId: 3, url: 'https://www.facebook.com/', type: 'main_frame', phase: 'answered', ip: '2a03:2880:f12f:83:face:b00c:0:25de' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest', phase: 'answered', ip: '2001:4860:4802:32::36' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest', phase: 'answered', ip: '::1' });

    const reply = handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, tracker, true, serverCountry);
    expect(reply).toMatchObject({ ok: true, activity: { pageHost: 'www.facebook.com', pageServerCountry: 'IE', platforms: [{ platformId: 'google-analytics', serverCountries: ['US'] }] } });
  });

  it('says nothing of a server it cannot place (loopback, or no table loaded)', () => {
    const tracker = createTabTracker(() => undefined);
    tracker.observe({ tabId: 3, url: 'https://localhost/', type: 'main_frame' });
    tracker.observe({ tabId: 3, url: 'https://localhost/', type: 'main_frame', phase: 'answered', ip: '::1' });
    const reply = handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, tracker, true, serverCountry);
    expect(reply.ok && reply.activity && 'pageServerCountry' in reply.activity).toBe(false);
    const unloaded = handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, tracker, true, () => undefined);
    expect(unloaded).toMatchObject({ ok: true, activity: { pageHost: 'localhost', pageIp: '::1' } });
  });
});
