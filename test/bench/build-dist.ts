/**
 * Builds the extension against any data folder into a folder of its own, leaving data/, src/generated and dist/
 * alone: data:compile and vite build with RESIDENCY_LENS_DATA, RESIDENCY_LENS_GENERATED and RESIDENCY_LENS_OUT_DIR
 * (see src/cli/data-compile.ts and vite.config.ts). For benchmarks at other dataset sizes:
 *
 *   writeScaledDataset(10, '/tmp/data-x10');                 // synthetic-dataset.ts
 *   const x10 = buildDist('/tmp/data-x10', '/tmp/x10');      // x10.chrome is a loadable extension
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/read-data.ts';

export type BuiltDist = { root: string; generated: string; chrome: string; firefox: string };

export function buildDist(dataDir: string, outRoot: string, browsers: ReadonlyArray<'chrome' | 'firefox'> = ['chrome']): BuiltDist {
  const generated = join(outRoot, 'generated');
  mkdirSync(generated, { recursive: true });
  // The server-location table does not depend on the dataset: reuse the one already compiled, if any.
  for (const file of ['ip-country.bin', 'ip-country.stamp']) {
    if (existsSync(join(ROOT, 'src/generated', file))) copyFileSync(join(ROOT, 'src/generated', file), join(generated, file));
  }
  const env = { ...process.env, RESIDENCY_LENS_DATA: dataDir, RESIDENCY_LENS_GENERATED: generated };
  const run = (args: string[], extra: Record<string, string> = {}) =>
    execFileSync(process.execPath, args, { cwd: ROOT, env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  run(['--import', 'tsx', 'src/cli/data-compile.ts']);
  const dirs = { chrome: join(outRoot, 'chrome'), firefox: join(outRoot, 'firefox') };
  for (const browser of browsers) {
    run([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...(browser === 'firefox' ? ['--mode', 'firefox'] : [])], { RESIDENCY_LENS_OUT_DIR: dirs[browser] });
  }
  return { root: outRoot, generated, ...dirs };
}
