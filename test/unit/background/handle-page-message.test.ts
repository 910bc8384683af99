/**
 * The popup's questions about a tab: first what the background holds in memory (the platform of the tab's URL, its
 * slice, the page's third parties), then the servers' countries: addresses the browser reported (IPv4 and IPv6)
 * come back as countries, through the same tracker and look-up the background uses.
 */
import { describe, expect, it } from 'vitest';
import { handlePageMessage, type PagePorts } from '../../../src/background/handle-page-message.ts';
import { hostIndex, platformSlice } from '../../../src/core/dataset/split.ts';
import { pageMatch } from '../../../src/core/lookup.ts';
import type { IpCountryLookup } from '../../../src/core/ip-country/lookup.ts';
import { parseServerCountriesReply, parseTabActivityReply } from '../../../src/core/messaging/protocol.ts';
import type { TabTracker } from '../../../src/core/observer/third-parties.ts';
import { compileFixture } from '../fixtures.ts';
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
const dataset = compileFixture();
const index = hostIndex(dataset);

/** The background's ports over a tracker, with the IP table decoded already (`loaded`) or not yet. */
function ports(tracker: Pick<TabTracker, 'activity'>, opts: { loaded: boolean; enabled?: boolean; lookup?: IpCountryLookup } = { loaded: true }): PagePorts & { loads: number } {
  const lookup = opts.lookup ?? serverCountry;
  const result = {
    loads: 0,
    activity: (tabId: number) => tracker.activity(tabId),
    observing: true,
    pageOf: (url: string) => pageMatch(index, url),
    slice: (id: string) => (opts.enabled === false ? undefined : Promise.resolve(platformSlice(dataset, dataset.platforms.find((p) => p.id === id)!))),
    serverCountryNow: () => (opts.loaded ? lookup : undefined),
    serverCountry: async () => {
      result.loads += 1;
      return lookup;
    },
  };
  return result;
}

describe('handlePageMessage', () => {
  it('places the page and the platforms it talked to from IPv6 and IPv4 addresses alike', async () => {
    const platformOf = (host: string) => (host.endsWith('facebook.com') || host.endsWith('facebook.net') ? 'facebook' : host.endsWith('google-analytics.com') ? 'google-analytics' : undefined);
    const tracker = createTabTracker(platformOf);
    tracker.observe({ tabId: 3, url: 'https://www.facebook.com/', type: 'main_frame' });
    tracker.observe({ tabId: 3, url: 'https://www.facebook.com/', type: 'main_frame', phase: 'answered', ip: '2a03:2880:f12f:83:face:b00c:0:25de' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest', phase: 'answered', ip: '2001:4860:4802:32::36' });
    tracker.observe({ tabId: 3, url: 'https://www.google-analytics.com/g/collect', type: 'xmlhttprequest', phase: 'answered', ip: '::1' });

    const reply = await handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, ports(tracker));
    expect(reply).toMatchObject({ ok: true, activity: { pageHost: 'www.facebook.com', pageServerCountry: 'IE', located: true, platforms: [{ platformId: 'google-analytics', serverCountries: ['US'] }] } });
    expect(parseTabActivityReply(reply)).toEqual(reply);

    // Before the table is decoded, the first answer says so and comes without countries; the second has them.
    const early = ports(tracker, { loaded: false });
    const first = await handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, early);
    expect(first).toMatchObject({ ok: true, activity: { pageHost: 'www.facebook.com', located: false, platforms: [{ platformId: 'google-analytics', serverCountries: [] }] } });
    expect(first.ok && 'activity' in first && first.activity && 'pageServerCountry' in first.activity).toBe(false);
    expect(early.loads).toBe(0);
    const second = await handlePageMessage({ type: 'server-countries', tabId: 3 }, popup, ID, ORIGIN, early);
    expect(second).toEqual({ ok: true, pageServerCountry: 'IE', platforms: [{ platformId: 'google-analytics', serverCountries: ['US'] }] });
    expect(parseServerCountriesReply(second)).toEqual(second);
    expect(early.loads).toBe(1);
  });

  it('names the platform of the URL the popup sends and relays its slice, so the popup needs no host index', async () => {
    const tracker = createTabTracker(() => undefined);
    const ask = (url: string, opts?: Parameters<typeof ports>[1]) => handlePageMessage({ type: 'tab-activity', tabId: 3, url }, popup, ID, ORIGIN, ports(tracker, opts ?? { loaded: true }));
    const reply = parseTabActivityReply(await ask('https://www.tiktok.com/@someone'));
    expect(reply).toMatchObject({ ok: true, page: { kind: 'platform', host: 'www.tiktok.com', platformId: 'tiktok', name: 'TikTok' }, activity: null });
    expect(reply?.ok && reply.slice?.platform.id).toBe('tiktok');
    // Without its regimes: the popup has them whole in its common part.
    expect(reply?.ok && reply.slice).not.toHaveProperty('regimes');
    expect(await ask('https://example.org/')).toEqual({ ok: true, observing: true, page: { kind: 'unknown', host: 'example.org' }, activity: null });
    expect(await ask('about:blank')).toEqual({ ok: true, observing: true, page: { kind: 'not-applicable', notWeb: true }, activity: null });
    // Switched off: the platform is named (the popup says so), its slice is not sent.
    expect(await ask('https://www.tiktok.com/', { loaded: true, enabled: false })).toEqual({ ok: true, observing: true, page: { kind: 'platform', host: 'www.tiktok.com', platformId: 'tiktok', name: 'TikTok' }, activity: null });
  });

  it('answers only the extension\'s own pages, and only well-formed questions', async () => {
    const tracker = createTabTracker(() => undefined);
    expect(await handlePageMessage({ type: 'tab-activity', tabId: 3 }, { id: ID, url: 'https://www.tiktok.com/' }, ID, ORIGIN, ports(tracker))).toEqual({ ok: false, error: 'bad-sender' });
    expect(await handlePageMessage({ type: 'tab-activity', tabId: 3 }, { id: 'another-extension', url: ORIGIN }, ID, ORIGIN, ports(tracker))).toEqual({ ok: false, error: 'bad-sender' });
    expect(await handlePageMessage({ type: 'server-countries', tabId: -1 }, popup, ID, ORIGIN, ports(tracker))).toEqual({ ok: false, error: 'bad-request' });
    expect(await handlePageMessage({ type: 'tab-activity', tabId: 3, url: 'https://a/', extra: 1 }, popup, ID, ORIGIN, ports(tracker))).toEqual({ ok: false, error: 'bad-request' });
  });

  it('says nothing of a server it cannot place (loopback, or no table loaded)', async () => {
    const tracker = createTabTracker(() => undefined);
    tracker.observe({ tabId: 3, url: 'https://localhost/', type: 'main_frame' });
    tracker.observe({ tabId: 3, url: 'https://localhost/', type: 'main_frame', phase: 'answered', ip: '::1' });
    const reply = await handlePageMessage({ type: 'tab-activity', tabId: 3 }, popup, ID, ORIGIN, ports(tracker));
    expect(reply.ok && 'activity' in reply && reply.activity && 'pageServerCountry' in reply.activity).toBe(false);
    const unreadable = await handlePageMessage({ type: 'server-countries', tabId: 3 }, popup, ID, ORIGIN, ports(tracker, { loaded: false, lookup: () => undefined }));
    expect(unreadable).toEqual({ ok: true, platforms: [] });
  });
});
