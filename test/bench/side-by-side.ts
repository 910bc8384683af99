/**
 * What the side-by-side comparisons (popup-ab.ts, badge-ab.ts) share: the builds named on the command line, one
 * Chromium per build on the loopback server of the browser tests, their runs in alternating order, and cleaning up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import { startHttpsServer } from '../e2e/support/https-server.ts';
import { HOSTS, route } from './browser-bench.ts';

export type Build = { label: string; dir: string };

/** `label=dir` arguments (at least two) and `--name=value` options. */
export function commandLine(args: string[], usage: string): { builds: Build[]; option(name: string): string | undefined } {
  const builds = args.filter((a) => !a.startsWith('--')).map((a) => {
    const at = a.indexOf('=');
    if (at < 1) throw new Error(`expected label=dir, got ${a}`);
    return { label: a.slice(0, at), dir: resolve(a.slice(at + 1)) };
  });
  if (builds.length < 2) throw new Error(`usage: ${usage}`);
  return { builds, option: (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) };
}

/**
 * Launches one Chromium per build, runs `body` with them, and closes everything, also on failure. `inOrder(runs, f)`
 * calls f(k, i) for every build k in run i, the builds' order alternating run by run, and returns the results per build.
 */
export async function sideBySide<T>(
  builds: Build[],
  body: (exts: ExtensionBrowser[], inOrder: <R>(runs: number, f: (k: number, i: number) => Promise<R>) => Promise<R[][]>) => Promise<T>,
): Promise<T> {
  const server = await startHttpsServer(route);
  const profiles: string[] = [];
  const exts: ExtensionBrowser[] = [];
  try {
    for (const b of builds) {
      const userDataDir = mkdtempSync(join(tmpdir(), 'rl-side-by-side-'));
      profiles.push(userDataDir);
      exts.push(await launchChromium({ port: server.port, hosts: HOSTS, userDataDir, dist: b.dir }));
    }
    const inOrder = async <R>(runs: number, f: (k: number, i: number) => Promise<R>): Promise<R[][]> => {
      const results: R[][] = builds.map(() => []);
      for (let i = 0; i < runs; i += 1) {
        const order = builds.map((_, k) => (i % 2 === 0 ? k : builds.length - 1 - k));
        for (const k of order) results[k]!.push(await f(k, i));
      }
      return results;
    };
    return await body(exts, inOrder);
  } finally {
    for (const ext of exts) await ext.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}
