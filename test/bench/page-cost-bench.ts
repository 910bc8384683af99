/**
 * What the extension costs a page of no platform, where none of its scripts runs, and a platform's page (issue #12,
 * goals 1 and 8): the load event of the same small pages in browsers with the 1x and the 10x build, and in variants
 * that each take one thing back to nothing or to its 1x size: all registered content scripts removed after start
 * (as if the badge were off), the 1x build's host permissions in the 10x manifest, and (1x) the same registrations
 * with an empty script, which shows what any content script costs a page before the badge does anything. This is
 * how the cost of one registration per platform host was found (docs/PERFORMANCE.md): Chromium's work on every
 * navigation grew with the number of registered scripts times the host permissions. Browsers without the extension
 * give the baseline and an A/A control; every browser loads the page in turn, the order rotating, medians of ratios
 * within a round.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, launchChromiumContext } from '../e2e/support/chromium.ts';
import { startHttpsServer } from '../e2e/support/https-server.ts';
import { loadTime } from './browser-bench.ts';
import { median, round, type Machine } from './common.ts';

const OTHER_HOST = 'news.example-news.com';
/** A platform's page (the badge's script runs), in both builds' host lists. */
const PLATFORM_HOST = 'www.tiktok.com';
const EMPTY_SCRIPT = 'content/empty-for-bench.js';

export type PageCostOptions = { runs: number; dists: { x1: string; x10: string } };

export async function runPageCostBench(machineInfo: Machine, opts: PageCostOptions) {
  const work = mkdtempSync(join(tmpdir(), 'rl-page-cost-'));
  // The 10x build with the 1x build's host permissions (a copy; the builds themselves stay as they are).
  const hostPermissions1x = join(work, 'x10-host-permissions-1x');
  cpSync(opts.dists.x10, hostPermissions1x, { recursive: true });
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  writeFileSync(join(hostPermissions1x, 'manifest.json'), JSON.stringify({ ...manifest(opts.dists.x10), host_permissions: manifest(opts.dists.x1).host_permissions }));
  const server = await startHttpsServer((_host, path) =>
    path.startsWith('/small') ? { headers: { 'cache-control': 'no-store' }, body: `<!doctype html><html lang="en"><title>Page</title><p>${'Today\'s news. '.repeat(150)}</p></html>` } : undefined,
  );
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const sides: Record<string, BrowserContext> = {};
    const registered: Record<string, number> = {};
    // The 1x build with its registrations kept but an empty script in place of the badge's files: what Chromium
    // charges a page for any content script at all (creating its isolated world), with none of the badge's work.
    const emptyScript1x = join(work, 'x1-empty-script');
    cpSync(opts.dists.x1, emptyScript1x, { recursive: true });
    writeFileSync(join(emptyScript1x, EMPTY_SCRIPT), '0;\n');
    const variants: Array<{ label: string; dir: string; registered: 'kept' | 'removed' | 'empty' }> = [
      { label: 'with 1x', dir: opts.dists.x1, registered: 'kept' },
      { label: 'with 1x, an empty script instead of the badge', dir: emptyScript1x, registered: 'empty' },
      { label: 'with 1x, no registered scripts', dir: opts.dists.x1, registered: 'removed' },
      { label: 'with 10x', dir: opts.dists.x10, registered: 'kept' },
      { label: 'with 10x, no registered scripts', dir: opts.dists.x10, registered: 'removed' },
      { label: 'with 10x, 1x host permissions', dir: hostPermissions1x, registered: 'kept' },
    ];
    for (const v of variants) {
      const ext = await launchChromium({ port: server.port, hosts: [OTHER_HOST, PLATFORM_HOST], userDataDir: mkdtempSync(join(work, 'profile-')), dist: v.dir });
      closers.push(() => ext.close());
      registered[v.label] = await ext.worker.evaluate(async ({ change, empty }) => {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (change !== 'kept') await chrome.scripting.unregisterContentScripts();
        if (change === 'empty') await chrome.scripting.registerContentScripts(scripts.map((s) => ({ ...s, js: [empty] })));
        return scripts.length;
      }, { change: v.registered, empty: EMPTY_SCRIPT });
      sides[v.label] = ext.context;
    }
    for (const label of ['without', 'control']) {
      const context = await launchChromiumContext({ port: server.port, hosts: [OTHER_HOST, PLATFORM_HOST], userDataDir: mkdtempSync(join(work, 'profile-')), extensionDir: null });
      closers.push(() => context.close());
      sides[label] = context;
    }
    const names = Object.keys(sides);
    const pages = { other: `https://${OTHER_HOST}/small`, platform: `https://${PLATFORM_HOST}/small` };
    for (const url of Object.values(pages)) for (const name of names) await loadTime(sides[name]!, url); // warm-up, not counted
    const times: Record<string, Record<string, number[]>> = Object.fromEntries(Object.keys(pages).map((page) => [page, Object.fromEntries(names.map((n) => [n, [] as number[]]))]));
    for (let i = 0; i < opts.runs; i += 1) {
      for (const [page, url] of Object.entries(pages)) {
        for (let k = 0; k < names.length; k += 1) {
          const name = names[(k + i) % names.length]!;
          times[page]![name]!.push(await loadTime(sides[name]!, url));
        }
      }
    }
    const figures = (byName: Record<string, number[]>) => {
      const without = byName.without!;
      return {
        medianMs: Object.fromEntries(names.map((n) => [n, round(median(byName[n]!), 1)])),
        medianRatioOverWithout: Object.fromEntries(names.filter((n) => n !== 'without').map((n) => [n, round(median(byName[n]!.map((v, i) => v / without[i]!)), 3)])),
        runsMs: Object.fromEntries(names.map((n) => [n, byName[n]!.map((v) => round(v, 1))])),
      };
    };
    return {
      benchmark: 'page-cost',
      machine: machineInfo,
      method: `One Chromium per side, launched with the same flags and open at once; ${opts.runs} rounds, each loading ${pages.other} (a small page of no platform: no content script of the extension matches it) and ${pages.platform} (a platform's page: the badge is drawn) once in every browser in rotating order, in a new tab; load = PerformanceNavigationTiming.loadEventStart. Ratio = with / without within a round, median over rounds. "no registered scripts": scripting.unregisterContentScripts() in the worker after start. "an empty script instead of the badge": the same registrations (matches, document_start) with one file containing only "0;" as their js, in a copy of the 1x build. "1x host permissions": the 10x build's manifest with the 1x build's host_permissions.`,
      registeredScripts: registered,
      hostPermissions: { x1: manifest(opts.dists.x1).host_permissions.length, x10: manifest(opts.dists.x10).host_permissions.length },
      pages: Object.fromEntries(Object.entries(pages).map(([page, url]) => [page, { url, ...figures(times[page]!) }])),
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await server.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}
