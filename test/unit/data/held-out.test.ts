/**
 * Issue 11's held-out recognition check. test/fixtures/held-out-domains.json lists platforms' national/alternate
 * domains and the service hosts (app, API, CDN, tracking) their pages contact, each read in an operator's own list or
 * a public domain list and never taken from data/, plus look-alikes that share a name with a platform but belong to
 * someone else. The real look-up (the one the extension and `npm run lookup` use) should recognise at least 90% of
 * the national and 80% of the service hosts as the right platform (the shares are printed against those goals; the
 * test holds the floor reached so far), never one as another operator's platform, and no look-alike at all.
 * The misses are printed so they can be sourced into data/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPlatformLookup } from '../../../src/core/lookup.ts';
import { realDataset } from '../helpers.ts';

/** Issue 11's goals. Not met yet: the shares are printed on every run and reported in the issue's note. */
const NATIONAL_GOAL = 0.9;
const SERVICE_GOAL = 0.8;
/**
 * What the dataset recognises today (a ratchet): the test fails when a change loses a host it used to recognise,
 * and these floors are raised whenever sourced domains are added. The gap to the goals is hosts nobody has yet
 * found in a source the data policy accepts (136 of Yahoo's national domains only redirect to yahoo.com, and no page
 * read so far names them; Pinterest's, VK's and most of Airbnb's are named only by community domain lists; see
 * docs/data-notes/heldout-domains.md and heldout-round13.md).
 */
const NATIONAL_FLOOR = 355;
const SERVICE_FLOOR = 30;

const HttpsUrl = z.string().regex(/^https:\/\/\S+$/);
const Host = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case hostname without scheme or path');
const HeldOut = z.object({
  entries: z.array(
    z.object({
      platform: z.string().min(1),
      host: Host,
      kind: z.enum(['national', 'service']),
      source: HttpsUrl,
      // The copy that was read when the operator's list was read through a transcription.
      via: HttpsUrl.optional(),
      note: z.string().optional(),
    }),
  ),
  lookalikes: z.array(z.object({ host: Host, why: z.string().min(1) })),
});

const fixture = HeldOut.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/held-out-domains.json'), 'utf8')));
const { lookup, byId } = createPlatformLookup(realDataset());
const recognisedAs = (host: string) => {
  const result = lookup(`https://${host}/`);
  return result.kind === 'platform' ? result.platform.id : undefined;
};

type Entry = (typeof fixture.entries)[number];
function measure(kind: Entry['kind']) {
  const entries = fixture.entries.filter((e) => e.kind === kind);
  const misses = entries.flatMap((e) => {
    const got = recognisedAs(e.host);
    return got === e.platform ? [] : [{ ...e, got: got ?? 'none' }];
  });
  return { total: entries.length, recognised: entries.length - misses.length, misses };
}

function report(kind: Entry['kind'], { total, recognised, misses }: ReturnType<typeof measure>, goal: number) {
  const byPlatform = new Map<string, { total: number; missed: number }>();
  for (const e of fixture.entries.filter((x) => x.kind === kind)) {
    const row = byPlatform.get(e.platform) ?? { total: 0, missed: 0 };
    row.total += 1;
    if (misses.some((m) => m.platform === e.platform && m.host === e.host)) row.missed += 1;
    byPlatform.set(e.platform, row);
  }
  const lines = [
    `held-out ${kind}: ${recognised}/${total} recognised (${((100 * recognised) / total).toFixed(1)}%; goal ${goal * 100}%${recognised / total >= goal ? ', met' : ', NOT met'})`,
    ...[...byPlatform].map(([id, r]) => `  ${id}: ${r.total - r.missed}/${r.total}`),
    ...misses.map((m) => `  MISS ${m.host} should be ${m.platform}, is ${m.got}; source ${m.source}${m.via ? ` (read via ${m.via})` : ''}`),
  ];
  console.log(lines.join('\n'));
}

describe('held-out domains (issue 11)', () => {
  it('names only platforms that exist, each host once per platform, and no look-alike among the platform hosts', () => {
    const unknown = [...new Set(fixture.entries.map((e) => e.platform))].filter((id) => !byId(id));
    expect(unknown, 'fixture names platform ids the dataset does not have').toEqual([]);
    const keys = fixture.entries.map((e) => `${e.platform} ${e.host}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const hosts = new Set(fixture.entries.map((e) => e.host));
    expect(fixture.lookalikes.filter((l) => hosts.has(l.host))).toEqual([]);
  });

  it(`recognises at least ${NATIONAL_FLOOR} national and alternate domains as the right platform (goal: ${NATIONAL_GOAL * 100}%)`, () => {
    const result = measure('national');
    report('national', result, NATIONAL_GOAL);
    expect(result.recognised).toBeGreaterThanOrEqual(NATIONAL_FLOOR);
  });

  it(`recognises at least ${SERVICE_FLOOR} service hosts as the right platform (goal: ${SERVICE_GOAL * 100}%)`, () => {
    const result = measure('service');
    report('service', result, SERVICE_GOAL);
    expect(result.recognised).toBeGreaterThanOrEqual(SERVICE_FLOOR);
  });

  it('never recognises a held-out host as a platform of another operator', () => {
    // A miss is a gap; a wrong answer is a fault. Microsoft's Teams and 365 share hosts, so the same operator's
    // other platform is allowed.
    const wrong = fixture.entries.flatMap((e) => {
      const got = recognisedAs(e.host);
      if (got === undefined || got === e.platform) return [];
      const [a, b] = [byId(got), byId(e.platform)];
      const group = (p: typeof a) => (p?.parent ?? p?.operator)?.name;
      return group(a) !== undefined && group(a) === group(b) ? [] : [`${e.host}: ${got}, not ${e.platform}`];
    });
    expect(wrong).toEqual([]);
  });

  it('claims none of the look-alikes as a platform', () => {
    const claimed = fixture.lookalikes.flatMap(({ host, why }) => {
      const got = recognisedAs(host);
      return got ? [`${host} (${why}) is recognised as ${got}`] : [];
    });
    console.log(`held-out look-alikes: ${fixture.lookalikes.length - claimed.length}/${fixture.lookalikes.length} left alone`);
    expect(claimed).toEqual([]);
  });
});
