/**
 * Benchmark 6 (issue #12 goals 3 and 8): the background at 1x and 10x the dataset, in the same run. Sizes of
 * what it loads (its code without the IP data, the IP data, the popup's first load) and its V8 heap in Chromium
 * with everything loaded: the dataset and look-up (at start), and the server-location table (read when the popup
 * asks about a tab with a server address). Builds of both sizes are measured alternately, each in a new browser.
 */
import { readFileSync } from 'node:fs';
import { BADGE_SCRIPTS_FILE, type BadgeScriptsFile } from '../../src/core/content-data.ts';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, tabIdOf, waitForBadge } from '../e2e/support/chromium.ts';
import { workerHeapUsage } from '../e2e/support/extension-worker.ts';
import { html, startHttpsServer } from '../e2e/support/https-server.ts';
import { BUDGETS } from '../budgets.ts';
import { builtSizes } from '../support/built-sizes.ts';
import { chromiumVersion, median, round, type Machine } from './common.ts';

export type WorkerBenchOptions = { runs: number; dists: Record<string, string> };

const KiB = 1024;
const MiB = 1024 * 1024;

type HeapRun = { afterStartBytes: number; withIpTableBytes: number; afterStartBackingBytes: number | null; withIpTableBackingBytes: number | null; ipTableLoaded: boolean };
type FailedRun = { failed: string };

async function heapOnce(dist: string): Promise<HeapRun> {
  const server = await startHttpsServer((host) => (host === 'www.tiktok.com' ? html('TikTok - Make Your Day') : undefined));
  const ext = await launchChromium({ port: server.port, hosts: ['www.tiktok.com'], dist });
  const fetched: string[] = [];
  ext.context.on('request', (r) => {
    if (r.serviceWorker()) fetched.push(r.url());
  });
  try {
    await ext.worker.evaluate(async () => {
      for (let i = 0; i < 100 && !chrome.webRequest.onResponseStarted.hasListeners(); i += 1) await new Promise((r) => setTimeout(r, 50));
    });
    const page: Page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    if ((await waitForBadge(page)) === undefined) throw new Error('no badge');
    await page.waitForTimeout(500);
    const afterStart = await workerHeapUsage(page, ext.extensionId);
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/*');
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('h1').waitFor({ timeout: 20_000 });
    await popup.waitForTimeout(500);
    const withIp = await workerHeapUsage(page, ext.extensionId);
    return {
      afterStartBytes: afterStart.usedSize,
      withIpTableBytes: withIp.usedSize,
      afterStartBackingBytes: afterStart.backingStorageSize ?? null,
      withIpTableBackingBytes: withIp.backingStorageSize ?? null,
      ipTableLoaded: fetched.some((u) => u.endsWith('/data/ip-country.bin')),
    };
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
  }
}

export async function runWorkerBench(machineInfo: Machine, opts: WorkerBenchOptions) {
  const names = Object.keys(opts.dists);
  const heaps: Record<string, HeapRun[]> = Object.fromEntries(names.map((n) => [n, []]));
  const failures: Record<string, FailedRun[]> = Object.fromEntries(names.map((n) => [n, []]));
  const manifestPatterns = Object.fromEntries(names.map((n) => {
    const m = JSON.parse(readFileSync(join(opts.dists[n]!, 'manifest.json'), 'utf8')) as { host_permissions: string[]; content_scripts?: Array<{ matches: string[] }> };
    // The in-page badge's scripts are registered at run time, one per group of platform hosts (content/badge-scripts.json).
    const badge = JSON.parse(readFileSync(join(opts.dists[n]!, BADGE_SCRIPTS_FILE), 'utf8')) as BadgeScriptsFile;
    return [
      n,
      {
        hostPermissions: m.host_permissions.length,
        manifestContentScriptMatches: m.content_scripts?.[0]?.matches.length ?? 0,
        registeredBadgeScripts: badge.groups.length,
        registeredBadgeMatches: badge.groups.reduce((sum, g) => sum + 2 * g.roots.length, 0),
      },
    ];
  }));
  for (let run = 0; run < opts.runs; run += 1) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      // A browser that fails to start on a loaded machine is tried once more; a build that fails twice is
      // recorded as failed and not tried again.
      if (failures[name]!.length >= 2) continue;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          heaps[name]!.push(await heapOnce(opts.dists[name]!));
          break;
        } catch (error) {
          const failed = (error as Error).message.split('\n')[0]!;
          failures[name]!.push({ failed });
          console.error(`worker bench: ${name} run ${run} failed (${failed})`);
        }
      }
    }
  }
  const figures = Object.fromEntries(names.map((name) => {
    const sizes = builtSizes(opts.dists[name]!);
    const h = heaps[name]!;
    return [name, {
      workerCode: { bytes: sizes.worker.bytes, gzipBytes: sizes.worker.gzipBytes, gzipKiB: round(sizes.worker.gzipBytes / KiB, 1), files: sizes.worker.files },
      ipData: { bytes: sizes.ipData.bytes, gzipBytes: sizes.ipData.gzipBytes, gzipKiB: round(sizes.ipData.gzipBytes / KiB, 1) },
      // Data, not code: the host index the worker reads at start; it grows with the dataset by design.
      hostIndexData: { bytes: sizes.hostIndex.bytes, gzipBytes: sizes.hostIndex.gzipBytes, gzipKiB: round(sizes.hostIndex.gzipBytes / KiB, 1) },
      popupFirstLoad: { bytes: sizes.popupFirstLoad.bytes, gzipBytes: sizes.popupFirstLoad.gzipBytes, gzipKiB: round(sizes.popupFirstLoad.gzipBytes / KiB, 1) },
      contentScript: { bytes: sizes.contentScript.bytes, gzipBytes: sizes.contentScript.gzipBytes },
      manifestPatterns: manifestPatterns[name],
      heap: {
        runs: h.length,
        failedRuns: failures[name],
        // V8 heap plus ArrayBuffer backing stores (the IP table's typed arrays live there, off the V8 heap).
        afterStartMiB: round(median(h.map((x) => x.afterStartBytes + (x.afterStartBackingBytes ?? 0))) / MiB, 2),
        withIpTableMiB: round(median(h.map((x) => x.withIpTableBytes + (x.withIpTableBackingBytes ?? 0))) / MiB, 2),
        v8HeapWithIpTableMiB: round(median(h.map((x) => x.withIpTableBytes)) / MiB, 2),
        backingStoresWithIpTableMiB: h.every((x) => x.withIpTableBackingBytes !== null) ? round(median(h.map((x) => x.withIpTableBackingBytes!)) / MiB, 2) : null,
        ipTableLoadedInEveryRun: h.every((x) => x.ipTableLoaded),
        raw: h,
      },
    }];
  })) as Record<string, {
    workerCode: { gzipBytes: number; gzipKiB: number };
    popupFirstLoad: { gzipBytes: number; gzipKiB: number };
    ipData: { bytes: number; gzipKiB: number };
    hostIndexData: { gzipBytes: number };
    heap: { withIpTableMiB: number; afterStartMiB: number };
  }>;
  const x1 = figures.x1!;
  const x10 = figures.x10;
  const scale = (f: (v: typeof x1) => number) => (x10 ? round(f(x10) / f(x1)) : null);
  const ratios = {
    workerCodeGzip: scale((v) => v.workerCode.gzipBytes),
    hostIndexDataGzip: scale((v) => v.hostIndexData.gzipBytes),
    popupFirstLoadGzip: scale((v) => v.popupFirstLoad.gzipBytes),
    heapWithIpTable: scale((v) => v.heap.withIpTableMiB),
  };
  const flat = (r: number | null) => ({ target: '10x / 1x <= 1.2', value: r === null || Number.isNaN(r) ? 'not measured' : r, met: r !== null && r <= 1.2 });
  return {
    benchmark: 'worker',
    machine: machineInfo,
    browser: { version: chromiumVersion() },
    method: `Sizes: gzip -9 of the service-worker loader and its static imports (the IP data and the host index are separate files, data/ip-country.bin and data/host-index.json, read at first use and at start; the host index's size is reported apart, as data), and of the popup's first load (test/support/built-sizes.ts). Heap: Runtime.getHeapUsage on the service worker after two HeapProfiler.collectGarbage, usedSize plus backingStorageSize (ArrayBuffer memory, where the IP table's typed arrays are) (test/e2e/support/extension-worker.ts), first after a platform page's badge (dataset and look-up built), then after the popup asked about that tab, whose server address makes the worker read its IP table; ${opts.runs} runs per build, each in a new browser, builds alternating; medians. x10: the synthetic dataset (test/bench/synthetic-dataset.ts) built by test/bench/build-dist.ts.`,
    figures,
    ratios10xOver1x: ratios,
    goals: {
      goal3WorkerUnder150KiBGzipWithoutIpData: { target: '< 150 KiB gzip', value: x1.workerCode.gzipKiB, met: x1.workerCode.gzipBytes < 150 * KiB },
      goal3IpDataWithinBudget: { target: `<= ${BUDGETS.ipData.bytes} bytes, ${round(BUDGETS.ipData.gzipBytes / KiB, 1)} KiB gzip (test/budgets.ts)`, value: `${x1.ipData.bytes} bytes, ${x1.ipData.gzipKiB} KiB gzip`, met: x1.ipData.bytes <= BUDGETS.ipData.bytes },
      goal3HeapUnder10MiB: { target: '< 10 MiB', value: x1.heap.withIpTableMiB, met: x1.heap.withIpTableMiB < 10 },
      goal8WorkerCodeFlat: flat(ratios.workerCodeGzip),
      goal8WorkerHeapFlat: flat(ratios.heapWithIpTable),
      goal8PopupFirstLoadFlat: flat(ratios.popupFirstLoadGzip),
    },
  };
}
