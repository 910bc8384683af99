/**
 * The dataset's parts answer exactly as the whole: the in-page badge's groups (each registered once, with its part
 * of the host table) name the same platform as the whole table for every host of the dataset, their subdomains,
 * hosts under public suffixes below a platform, and look-alikes; exactly one group runs on each page, and as few
 * groups as the data's size calls for; each platform's slice builds the same disclosure as the whole dataset; the badge flags are the
 * framing module's, for every region.
 */
import { describe, expect, it } from 'vitest';
import { badgeRegistrations } from '../../../../src/core/content-data.ts';
import { BADGE_GROUP_BYTES, badgeGroups, commonData, hostIndex, platformBadge, platformSlice, relayedSlice, scriptedHosts, sliceSource, withRegimes } from '../../../../src/core/dataset/split.ts';
import { buildDisclosure } from '../../../../src/core/disclosure/build-disclosure.ts';
import { withoutAdequacy } from '../../../../src/core/disclosure/framing.ts';
import { createHostLookup, matchedKey } from '../../../../src/core/lookup.ts';
import { pageDomains } from '../../../../src/core/manifest/match-patterns.ts';
import { walkHostTable } from '../../../../src/core/match/platform-index.ts';
import { REGIONS } from '../../../../src/core/settings/settings.ts';
import { compileFixture, platform, TIKTOK_LIKE } from '../../fixtures.ts';
import { realDataset } from '../../helpers.ts';

/** Chrome's and Firefox's reading of a `*://host/*` or `*://*.host/*` pattern, for the host part. */
const patternMatches = (pattern: string, host: string) => {
  const p = /^\*:\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!p) throw new Error(`unexpected pattern ${pattern}`);
  return p[1] ? host === p[2] || host.endsWith(`.${p[2]}`) : host === p[2];
};
const injected = <S extends { matches: string[]; excludeMatches: string[] }>(scripts: S[], host: string) =>
  scripts.filter((s) => s.matches.some((m) => patternMatches(m, host)) && !s.excludeMatches.some((m) => patternMatches(m, host)));

function hostsToTry(dataset: ReturnType<typeof realDataset>): string[] {
  const keys = Object.keys(dataset.hosts.keys);
  const stops = dataset.hosts.stops;
  return [
    ...keys,
    ...keys.flatMap((k) => [`www.${k}`, `a.b.${k}`, `m.${k}`]),
    ...stops.flatMap((s) => [`someone.${s}`, `x.someone.${s}`]),
    ...keys.flatMap((k) => [`not${k}`, `${k}.evil.example`]),
  ];
}

describe.each([
  ['the real dataset', realDataset()],
  [
    'nested hosts and a stop',
    compileFixture([
      TIKTOK_LIKE,
      platform('google-search', [['google.com', 'main']]),
      platform('gmail', [['mail.google.com', 'main']]),
      platform('analytics', [['analytics.google.com', 'tracking']]),
      platform('inbox', [['inbox.mail.google.com', 'main']]),
      platform('hoster', [['fastly.net', 'main']]),
    ]),
  ],
])('badge groups over %s', (_name, dataset) => {
  const index = hostIndex(dataset);
  const groups = badgeGroups(dataset);
  const registered = (hidden: readonly string[]) => badgeRegistrations(groups, { on: true, region: 'eu', corner: 'bottom-right', locale: 'en', hidden }, { badge: 'content.js', api: 'api.js' });
  const whole = createHostLookup(dataset.hosts);
  const pages = pageDomains(dataset);
  const idOf = (lookup: ReturnType<typeof createHostLookup>, platforms: Array<{ id: string }>, host: string) => {
    const r = lookup.lookup(host);
    return r.kind === 'platform' ? platforms[r.index]!.id : null;
  };

  it('cover every key at or under a page domain, each in one group', () => {
    const expected = Object.keys(dataset.hosts.keys).filter((k) => pages.some((p) => k === p || k.endsWith(`.${p}`)));
    expect(groups.flatMap((g) => g.hosts).sort()).toEqual(expected.sort());
    expect(scriptedHosts(dataset)).toEqual(expected.sort());
  });

  it('run exactly one group on every page the extension may see, none elsewhere, each naming the whole table\'s platform', () => {
    const byId = new Map(groups.map((g) => [`badge:${g.id}`, g]));
    let checked = 0;
    for (const host of hostsToTry(dataset)) {
      const visible = pages.some((p) => host === p || host.endsWith(`.${p}`));
      const running = injected(registered([]), host);
      expect(running.length, host).toBe(visible ? 1 : 0);
      if (!visible) continue;
      const group = byId.get(running[0]!.id)!;
      expect(idOf(createHostLookup(group.table.hosts), group.table.platforms, host), host).toBe(idOf(whole, dataset.platforms, host));
      // The content script's own look-up over its group's table (a walk, no matcher) names the same platform.
      const walked = walkHostTable(group.table.hosts, host);
      expect(walked === undefined ? null : group.table.platforms[walked.index]!.id, host).toBe(idOf(whole, dataset.platforms, host));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('are few, each registration with the content script last after its data', () => {
    const sizes = groups.map((g) => JSON.stringify(g.table).length);
    const total = sizes.reduce((sum, n) => sum + n, 0);
    // About the target's worth of table in each (a page parses one), and no more groups than that calls for:
    // each platform's badge is written once per group, so a group holds less than the trees packed into it.
    for (const [i, size] of sizes.entries()) if (groups[i]!.roots.length > 1) expect(size, groups[i]!.id).toBeLessThanOrEqual(2 * BADGE_GROUP_BYTES);
    expect(groups.length).toBeLessThanOrEqual(Math.max(1, Math.ceil((2 * total) / BADGE_GROUP_BYTES)));
    const all = registered([]);
    expect(all).toHaveLength(groups.length);
    for (const [i, r] of all.entries()) {
      expect(r.js).toEqual(['content/region-eu.js', 'content/corner-bottom-right.js', 'content/text-en.js', `content/groups/${groups[i]!.id}.js`, 'content.js', 'api.js']);
      expect(r.excludeMatches).toEqual([]);
    }
  });

  it('hide the badge on one platform host only: its pages get none, longer hosts below it and others keep theirs', () => {
    /** What a page on `host` gets: 'badge' when the content script runs and the host it matched carries no marker. */
    const onPage = (regs: ReturnType<typeof badgeRegistrations>, host: string) => {
      const running = injected(regs, host);
      expect(running.length, host).toBeLessThanOrEqual(1);
      if (running.length === 0) return 'none';
      const key = matchedKey(dataset.hosts, host);
      return key !== undefined && running[0]!.js.includes(`content/hide/${key}.js`) ? 'none' : 'badge';
    };
    const hosts = groups.flatMap((g) => g.hosts).sort();
    const cases = [...hosts.map((h) => [h]), ...(hosts.includes('google.com') ? [['google.com', 'mail.google.com']] : []), hosts.slice(0, 40)];
    for (const hiddenHosts of cases) {
      const regs = registered(hiddenHosts);
      for (const hidden of hiddenHosts) {
        // The hidden host, a page under it, every scripted host under it or above it, and one elsewhere.
        const related = hosts.filter((h) => h !== hidden && (h.endsWith(`.${hidden}`) || hidden.endsWith(`.${h}`)));
        const elsewhere = hosts.find((h) => !h.endsWith(hidden) && !hidden.endsWith(h))!;
        for (const host of [hidden, `www.${hidden}`, ...related, ...related.map((h) => `www.${h}`), elsewhere]) {
          // The key the matcher stops at is the one the dismissal was kept under.
          const key = matchedKey(dataset.hosts, host);
          expect(onPage(regs, host), `${host} with ${hiddenHosts.join(', ')} hidden`).toBe(key !== undefined && hiddenHosts.includes(key) ? 'none' : 'badge');
        }
      }
    }
    // Hiding every host leaves nothing registered.
    expect(registered(hosts)).toEqual([]);
  });

  it('list every platform with its badge facts; the groups carry them flagged by the framing module in every region', () => {
    for (const p of dataset.platforms) {
      const d = buildDisclosure(dataset, p);
      const facts = { id: p.id, name: p.name, countries: d.destinations.map((x) => x.country), actions: d.counts.actions };
      expect(index.platforms[dataset.platforms.indexOf(p)]).toEqual(facts);
      const badge = platformBadge(dataset, p);
      expect(badge).toMatchObject(facts);
      for (const region of REGIONS) expect(badge.flagged[region], `${p.id} ${region}`).toEqual(withoutAdequacy(d, region).map((x) => x.country));
    }
    for (const group of groups) for (const badge of group.table.platforms) expect(badge).toEqual(platformBadge(dataset, dataset.platforms.find((p) => p.id === badge.id)!));
  });

  it('each platform\'s slice builds the same disclosure as the whole dataset, with laws\' and regimes\' sources as links', () => {
    // A source as a link: what SourceLinks and the Markdown summary show of it (url, publisher, primary).
    const links = <T>(x: T): T => JSON.parse(JSON.stringify(x, (key, v) => (key === 'sources' && Array.isArray(v) ? v.map(({ url, publisher, primary }) => ({ url, publisher, primary })) : v)));
    const linked = { ...dataset, jurisdictions: links(dataset.jurisdictions), regimes: links(dataset.regimes) };
    for (const p of dataset.platforms) {
      const slice = JSON.parse(JSON.stringify(platformSlice(dataset, p))) as ReturnType<typeof platformSlice>;
      expect(buildDisclosure(sliceSource(slice), slice.platform), p.id).toEqual(buildDisclosure(linked, p));
      // The platform's own facts keep their sources whole: their quotes are what the popup shows.
      expect(slice.platform, p.id).toEqual(p);
      expect(JSON.stringify([slice.jurisdictions, slice.regimes]), p.id).not.toContain('"quote"');
    }
  });

  it('a slice relayed without its regimes, made whole with the common part\'s, builds the same disclosure', () => {
    const common = commonData(dataset);
    for (const p of dataset.platforms) {
      const slice = platformSlice(dataset, p);
      const relayed = JSON.parse(JSON.stringify(relayedSlice(slice))) as ReturnType<typeof relayedSlice>;
      expect(relayed, p.id).not.toHaveProperty('regimes');
      const whole = withRegimes(relayed, common.regimes);
      expect(buildDisclosure(sliceSource(whole), whole.platform), p.id).toEqual(buildDisclosure(sliceSource(slice), slice.platform));
    }
  });
});

describe('the common part', () => {
  it('holds every home-country law and every authority the popup may name', () => {
    const dataset = realDataset();
    const common = commonData(dataset);
    expect(common.authorities).toEqual(dataset.authorities);
    // Everything but what no reader of the common part shows: a source's quote, title, date, language and note.
    const links = (x: unknown) => JSON.parse(JSON.stringify(x, (key, v) => (['quote', 'title', 'date', 'lang', 'note'].includes(key) ? undefined : v)));
    for (const [code, j] of Object.entries(dataset.jurisdictions)) {
      if (j.laws.some((l) => l.kind === 'user-protection')) expect(common.jurisdictions[code]).toEqual(links(j));
    }
    expect(common.regimes).toEqual(links(dataset.regimes));
    expect(JSON.stringify(common)).not.toContain('"quote"');
    expect(common.version).toBe(dataset.version);
  });
});
