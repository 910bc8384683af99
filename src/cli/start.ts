/**
 * `npm start` (after the build). With a display: opens Chromium (or Firefox with `--firefox`) with the extension
 * loaded, through web-ext run. Without one (DISPLAY and WAYLAND_DISPLAY unset, as on servers, in containers and
 * CI) or with `--headless`: runs the browser headless on a local TikTok page and prints what the extension shows
 * (see start/headless.ts). Binaries: CHROMIUM_BIN / FIREFOX_BIN, else Debian's. Every failure is one line on
 * stderr and a non-zero exit, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './read-data.ts';
import { START_USAGE, startPlan, UsageError, webExtRunArgs, type StartPlan } from './start/plan.ts';

function fail(message: string, code = 1): never {
  console.error(`start: ${message}`);
  process.exit(code);
}

/** One line for whatever went wrong: the first line of the error's message, with the cases people meet named. */
function explain(error: unknown, plan: StartPlan): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') return `port ${plan.port} is in use: pass --port <n> with a free one (0 picks any)`;
  if (e?.code === 'EACCES' && plan.port > 0 && plan.port < 1024) return `port ${plan.port} needs root: pass --port <n> above 1023 (0 picks any)`;
  const first = String(e?.message ?? error).split('\n').find((line) => line.trim() !== '') ?? 'failed';
  return /browserType\.launch|Failed to launch|Timed out after/.test(first) ? `${plan.binary} did not start: ${first}` : first;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(START_USAGE);
    return;
  }
  let plan: StartPlan;
  try {
    plan = startPlan({ argv, env: process.env, uid: process.getuid?.(), root: ROOT });
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n${START_USAGE}`, 2);
    throw error;
  }
  if (!existsSync(plan.binary)) {
    fail(`${plan.binary} not found: install it (apt-get install -y ${plan.browser === 'firefox' ? 'firefox-esr' : 'chromium'}) or set ${plan.binaryVariable}`, 2);
  }
  const dist = join(ROOT, 'dist', plan.browser === 'firefox' ? 'firefox' : 'chrome');
  if (!existsSync(join(dist, 'manifest.json'))) fail(`no build in ${dist}: run npm run build (npm start does it first)`, 2);
  if (plan.noSandbox) console.log('start: running as root, so Chromium is started with --no-sandbox (it refuses to run as root otherwise).');

  if (plan.mode === 'window') {
    const profile = join(ROOT, '.profile', plan.browser);
    mkdirSync(profile, { recursive: true });
    const result = spawnSync(join(ROOT, 'node_modules/.bin/web-ext'), webExtRunArgs(plan, profile), { cwd: ROOT, stdio: 'inherit' });
    process.exit(result.status ?? 1);
  }

  console.log(`start: no display${argv.includes('--headless') ? ' wanted' : ' (DISPLAY and WAYLAND_DISPLAY are unset)'}: running ${plan.browser === 'firefox' ? 'Firefox' : 'Chromium'} headless with the extension on a local copy of ${plan.url}`);
  try {
    // Loaded only here: the browser drivers take a while to load, and a window or an error needs neither.
    const { runHeadless } = await import('./start/headless.ts');
    const result = await runHeadless(plan, dist);
    console.log(`Badge: ${result.badge}`);
    console.log(`Popup headline: ${result.headline}`);
    console.log(`Screenshots (in ${join(result.screenshots.page, '..')}): ${result.screenshots.page}, ${result.screenshots.popup}`);
  } catch (error) {
    fail(explain(error, plan));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(String((error as Error)?.message ?? error).split('\n')[0] ?? 'failed'),
);
