/**
 * Benchmark 2: the per-request cost of the third-party observer, URL in, platform (or nothing) out: what the
 * background does for every request a page sends once the user allows it on all sites. Realistic request URLs
 * (the benchmark host list with paths and query strings) go through `createTabTracker(...).observe`, with a page
 * load in the tab first so requests are attributed; median ns per request over rounds.
 */
import type { CompiledDataset } from '../../src/core/dataset/compile.ts';
import { createPlatformLookup } from '../../src/core/lookup.ts';
import { createTabTracker } from '../../src/core/observer/third-parties.ts';
import { median, round, type Machine } from './common.ts';
import { benchHosts } from './hosts.ts';

export function runObserverBench(dataset: CompiledDataset, opts: { requests: number; rounds: number }, machineInfo: Machine) {
  const lookup = createPlatformLookup(dataset);
  const { hosts } = benchHosts(dataset, opts.requests, (h) => lookup.lookupHost(h) !== undefined);
  const paths = ['/', '/i18n/pixel/events.js?sdkid=ABC123&lib=ttq', '/en_US/fbevents.js', '/collect?v=2&tid=G-XXXX&cid=555.666', '/static/app.9f8e7d.js', '/img/logo.png'];
  const urls = hosts.map((h, i) => `https://${h.host}${paths[i % paths.length]}`);
  const types = ['script', 'image', 'xmlhttprequest', 'stylesheet'];
  const perRound: number[] = [];
  let sink = 0;
  for (let r = 0; r < opts.rounds + 1; r += 1) {
    const tracker = createTabTracker((host) => lookup.lookupHost(host)?.id);
    tracker.observe({ tabId: 1, url: 'https://news.example.com/article', type: 'main_frame' });
    const start = process.hrtime.bigint();
    for (let i = 0; i < urls.length; i += 1) {
      if (tracker.observe({ tabId: 1, url: urls[i]!, type: types[i % types.length]! })) sink += 1;
    }
    const ns = Number(process.hrtime.bigint() - start) / urls.length;
    if (r > 0) perRound.push(ns); // the first round warms the JIT
    sink += tracker.activity(1)?.platforms.length ?? 0;
  }
  const medianNs = round(median(perRound), 1);
  return {
    benchmark: 'third-party-observer',
    machine: machineInfo,
    method: `${urls.length} request URLs (the look-up benchmark's hosts with typical paths) through createTabTracker().observe per round, after a main_frame load; ${opts.rounds} rounds after one warm-up; ns per request = elapsed / requests; median over rounds.`,
    requests: urls.length,
    rounds: perRound.map((n) => round(n, 1)),
    medianNs,
    goal: { under1Microsecond: { goalNs: 1000, medianNs, met: medianNs < 1000 } },
    sink,
  };
}
