/**
 * Size budgets of the built extension, in one place: test/unit/build/budgets.test.ts fails when a build grows
 * past one, and `npm run bench` reports them. Sizes are deterministic for a given source and data, so they can
 * be tested; times are not, and stay in the benchmark. Bytes are gzip level 9 unless said otherwise (what a store
 * download and a cache hold); KiB = 1,024 bytes.
 *
 * When a change makes something smaller, lower its budget in the same commit, so the gain cannot be lost quietly.
 */
/**
 * A budget may grow with the number of platforms in the dataset where a context carries the host index (a few
 * dozen bytes per platform: its name, destination countries and host keys); then it is a fixed part for the code
 * plus an allowance per platform, so that neither the code nor the data per platform can grow unnoticed. Each
 * platform's full data is a slice of its own, read on demand, in no budget here.
 */
export type Budget = { gzipBytes: number | ((platforms: number) => number); bytes?: number; why: string };

export const budgetGzipBytes = (budget: Budget, platforms: number) => (typeof budget.gzipBytes === 'number' ? budget.gzipBytes : budget.gzipBytes(platforms));

const KiB = 1024;

export const BUDGETS = {
  contentScript: {
    gzipBytes: 10 * KiB,
    why: 'Issue #6 and #12 goal 1: the in-page badge\'s scripts (src/content/in-page-badge.js, with the host look-up it shares with the popup and the worker, and src/content/badge-api.js, its way to the extension API, run after it) run on every platform page load, so they must stay small (7.3 KiB at the time of writing; 7.7 KiB as two files).',
  },
  worker: {
    gzipBytes: 26 * KiB,
    why: 'The background\'s code (the service-worker loader and its static imports), without the IP data, the host index or the platforms\' slices, which are files it reads: 24.0 KiB (24,599 bytes) when the host index became a file (data/host-index.json, issue #12 goal 8: the code is the same at any number of platforms); 27.6 KiB with the host index in it at 105 platforms. Issue #12 goal 3 is under 150 KiB.',
  },
  hostIndex: {
    gzipBytes: (platforms) => 1 * KiB + 0.05 * KiB * platforms,
    why: 'The host index the background reads at start (data/host-index.json): every platform host and each platform\'s name, destination countries and counts, a few dozen bytes per platform, so an allowance per platform: 4.1 KiB (4,240 bytes) at 105 platforms when written.',
  },
  ipData: {
    bytes: 1_100_000,
    gzipBytes: 360 * KiB,
    why: 'The server-location table (docs/IP-DATA.md): geo-whois-asn-country at /24 and /48 is 1,035,970 bytes, 330 KiB gzipped; 6% headroom for the source growing between updates. Full precision would be 2.1 MB, DB-IP Lite 1.6 MB.',
  },
  popupFirstLoad: {
    gzipBytes: 50 * KiB,
    why: 'What the popup\'s HTML loads before first paint (its scripts with their static imports, and its styles): its code, preact and the dataset\'s common part (authorities, jurisdictions, regimes: it grows with those, not with platforms). No host index: the background names the tab\'s platform and relays its slice (issue #12 goals 2 and 8), so the popup\'s first load is the same at any number of platforms. Since the popup is one script with its styles inline in its HTML (vite.config.ts, popupPage), 48.1 KiB (49,250 bytes: HTML 1,899, script 47,351); it was 50.3 KiB in six module files and a style sheet, 53.5 KiB with the host index at 105 platforms, 75.5 KiB at 1,050. The legal files\' audit (30 Nov 2026) added quotes to every regime\'s sources, 55.8 KiB; the common part now keeps its sources as links only (commonData), which is all the popup shows of them: 47.3 KiB (48,443 bytes: HTML 1,923, script 46,520).',
  },
} satisfies Record<string, Budget>;
