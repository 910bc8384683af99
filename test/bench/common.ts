/** Shared by the benchmarks: machine description, medians, a seeded random source, and the JSON writer. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/read-data.ts';
import { CHROMIUM_BIN } from '../e2e/support/chromium.ts';

export const BENCH_DIR = join(ROOT, 'docs/bench');

export type Machine = { os: string; cpuModel: string; cores: number; memoryGiB: number; loadAverage1m: number; node: string; date: string };

export function machine(): Machine {
  const cpu = cpus();
  return {
    os: `${platform()} ${release()} ${arch()}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    /** Other work on the machine when the benchmark started (a shared machine: absolute times move with it). */
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** "Chromium 150.0.7871.100 built on Debian ..." (the Debian wrapper script may print noise on stderr). */
export function chromiumVersion(): string {
  try {
    const out = execFileSync(CHROMIUM_BIN, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    return out.trim();
  } catch {
    return 'unknown';
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** mulberry32: deterministic, so every run benchmarks the same host list. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function writeFigures(name: string, figures: unknown): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  return path;
}

/**
 * A private copy of dist/ taken right after the build: other people's builds empty and rewrite dist/ at any
 * time, and an extension whose files vanish mid-run fails (ERR_FILE_NOT_FOUND).
 */
export function snapshotDist(): { root: string; chrome: string; firefox: string } {
  const root = mkdtempSync(join(tmpdir(), 'rl-bench-dist-'));
  for (const browser of ['chrome', 'firefox']) cpSync(join(ROOT, 'dist', browser), join(root, browser), { recursive: true });
  return { root, chrome: join(root, 'chrome'), firefox: join(root, 'firefox') };
}
