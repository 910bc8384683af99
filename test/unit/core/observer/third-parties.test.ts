import { describe, expect, it } from 'vitest';
import { createTabTracker, hostOfUrl } from '../../../../src/core/observer/third-parties.ts';

const platformOf = (host: string) => (host.endsWith('tiktok.com') ? 'tiktok' : host.endsWith('facebook.net') ? 'facebook' : undefined);

describe('hostOfUrl', () => {
  it.each([
    ['https://analytics.tiktok.com/i18n/pixel/events.js?x=1', 'analytics.tiktok.com'],
    ['https://user:pw@connect.facebook.net:8443/en_US/fbevents.js', 'connect.facebook.net'],
    ['wss://ws.example.com/socket', 'ws.example.com'],
    ['http://example.com', 'example.com'],
    ['http://[::1]:8080/', undefined],
    ['data:text/plain,hello', undefined],
    ['not a url', undefined],
  ])('%s -> %s', (url, host) => expect(hostOfUrl(url)).toBe(host));
});

describe('createTabTracker', () => {
  it('records the platforms a page sends requests to, per page load, apart from its own', () => {
    const tracker = createTabTracker(platformOf);
    expect(tracker.observe({ tabId: 1, url: 'https://news.example/', type: 'main_frame' })).toBe(false);
    tracker.observe({ tabId: 1, url: 'https://news.example/', type: 'main_frame', phase: 'answered', ip: '93.184.216.34' });
    expect(tracker.observe({ tabId: 1, url: 'https://analytics.tiktok.com/p.js', type: 'script' })).toBe(true);
    expect(tracker.observe({ tabId: 1, url: 'https://analytics.tiktok.com/p2.js', type: 'image' })).toBe(false);
    tracker.observe({ tabId: 1, url: 'https://analytics.tiktok.com/p.js', type: 'script', phase: 'answered', ip: '1.2.3.4' });
    expect(tracker.observe({ tabId: 1, url: 'https://connect.facebook.net/fbevents.js', type: 'script' })).toBe(true);
    expect(tracker.observe({ tabId: 1, url: 'https://cdn.example/lib.js', type: 'script' })).toBe(false);
    expect(tracker.activity(1)).toEqual({
      pageHost: 'news.example',
      pageIp: '93.184.216.34',
      platforms: [
        { platformId: 'tiktok', hosts: ['analytics.tiktok.com'], requests: 2, ips: ['1.2.3.4'] },
        { platformId: 'facebook', hosts: ['connect.facebook.net'], requests: 1, ips: [] },
      ],
    });
    // A new page load in the tab starts afresh; a platform's own page does not count itself.
    expect(tracker.observe({ tabId: 1, url: 'https://www.tiktok.com/', type: 'main_frame' })).toBe(true);
    expect(tracker.observe({ tabId: 1, url: 'https://v16.tiktokcdn.tiktok.com/v.mp4', type: 'media' })).toBe(false);
    expect(tracker.activity(1)?.platforms).toEqual([]);
  });

  it('ignores requests outside tabs and forgets a closed tab', () => {
    const tracker = createTabTracker(platformOf);
    expect(tracker.observe({ tabId: -1, url: 'https://analytics.tiktok.com/', type: 'xmlhttprequest' })).toBe(false);
    tracker.observe({ tabId: 2, url: 'https://news.example/', type: 'main_frame' });
    tracker.remove(2);
    expect(tracker.activity(2)).toBeUndefined();
    expect(tracker.tabs()).toEqual([]);
  });

  it('restores what it saved', () => {
    const a = createTabTracker(platformOf);
    a.observe({ tabId: 3, url: 'https://news.example/', type: 'main_frame' });
    a.observe({ tabId: 3, url: 'https://analytics.tiktok.com/p.js', type: 'script' });
    const b = createTabTracker(platformOf);
    b.restore(3, a.activity(3)!);
    expect(b.activity(3)).toEqual(a.activity(3));
  });
});
