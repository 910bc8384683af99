/**
 * `npm run bench` (after the build): the performance figures in docs/bench/*.json, explained in
 * docs/PERFORMANCE.md. Benchmarks, not tests: a missed goal is reported, never a failure.
 *   --only=lookup,observer,sizes,browser,links   run some of them
 *   --quick                       fewer rounds and runs (to try the harness; do not publish those figures)
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from '../../src/cli/read-data.ts';
import { runBrowserBench } from './browser-bench.ts';
import { machine, snapshotDist, writeFigures } from './common.ts';
import { realDataset } from './dataset.ts';
import { runLookupBench } from './lookup-bench.ts';
import { runObserverBench } from './observer-bench.ts';
import { runLinksBench } from './links-bench.ts';
import { runSizes } from './sizes.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? ['lookup', 'observer', 'sizes', 'browser', 'links'];
const written: string[] = [];
// Taken at once, before anyone else's build can replace dist/.
const dist = snapshotDist();
const note = (path: string) => written.push(relative(ROOT, path));
const goal = (met: boolean) => (met ? 'met' : 'MISSED');

try {
  if (only.includes('lookup')) {
    const r = runLookupBench(realDataset(), quick ? { hostCount: 100_000, rounds: 5, warmupRounds: 1, passesPerRound: 1 } : { hostCount: 120_000, rounds: 15, warmupRounds: 3, passesPerRound: 3 }, machine());
    note(writeFigures('lookup', r));
    console.log(`lookup: lookupHost ${r.results.p_lookupHost!.medianNs} ns, lookup() ${r.results.p_lookup!.medianNs} ns, tldts+Map ${r.results.a_tldts!.medianNs} ns, Map.get ${r.results.b_map_floor!.medianNs} ns`);
    console.log(`  tldts/lookupHost ${r.ratios.tldtsOverLookupHost.median}x (goal >= 3: ${goal(r.goals.atLeast3xFasterThanTldts.met)}), lookupHost/Map.get ${r.ratios.lookupHostOverFloor.median}x (goal <= 3: ${goal(r.goals.within3xOfMapFloor.met)})`);
  }

  if (only.includes('observer')) {
    const r = runObserverBench(realDataset(), quick ? { requests: 100_000, rounds: 3 } : { requests: 120_000, rounds: 15 }, machine());
    note(writeFigures('observer', r));
    console.log(`observer: ${r.medianNs} ns per request (goal < 1000 ns: ${goal(r.goal.under1Microsecond.met)})`);
  }

  if (only.includes('links')) {
    const r = await runLinksBench(machine(), { runs: quick ? 2 : 7 });
    note(writeFigures('links', r));
    console.log(
      `links: first markers ${r.medians.firstMarkerMs} ms; the script's own longest slice ${r.medians.longestOwnSliceMs} ms median, worst ${r.goal.noExtensionLongTask.worstOwnSliceMs} ms (goal: none >= 50 ms: ${goal(r.goal.noExtensionLongTask.met)}); tasks containing it (with the page's rendering) worst ${r.goal.noExtensionLongTask.worstContainingTaskMs} ms`,
    );
  }

  if (only.includes('sizes')) {
    const r = runSizes(machine(), { dist });
    note(writeFigures('sizes', r));
    console.log(`sizes: content script ${r.contentScript.gzipKiB} KiB gzip (goal < 10: ${goal(r.goals.contentScriptUnder10KiBGzip.met)}), popup JS ${r.popup.js.gzipKiB} KiB gzip, dataset ${r.dataset.kib} KiB (${r.dataset.gzipKiB} gzip), background heap +${r.backgroundHeapNode.totalKiB} KiB`);
  }

  if (only.includes('browser')) {
    const r = await runBrowserBench(machine(), quick ? { badgeRuns: 3, loadRuns: 3, popupRuns: 3, extensionDir: dist.chrome } : { badgeRuns: 15, loadRuns: 31, popupRuns: 15, extensionDir: dist.chrome });
    note(writeFigures('browser', r));
    console.log(`browser: content script start -> badge ${r.badge.smallPage.median.contentScriptStartToBadgeMs} ms (small), ${r.badge.largePage.median.contentScriptStartToBadgeMs} ms (20k elements); extension long tasks ${r.badge.smallPage.runsWithExtensionLongTask + r.badge.largePage.runsWithExtensionLongTask}`);
    for (const [key, v] of Object.entries(r.pageLoad)) console.log(`  load ${key}: ${v.medianWithExtensionMs} ms with / ${v.medianWithoutExtensionMs} ms without, ratio ${v.medianRatioWithOverWithout}`);
    console.log(`  popup h1 ${r.popup.medianH1Ms} ms`);
  }
} finally {
  rmSync(dist.root, { recursive: true, force: true });
}
console.log(`wrote ${written.join(', ')}`);
