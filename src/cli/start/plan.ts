/**
 * What `npm start` will do, decided from its arguments, the environment and the user id alone (no side effects),
 * so each case is unit-tested: which browser and binary, a window (web-ext run) or headless (no display), the
 * sandbox flag Chromium needs as root, the local port and the screenshot folder.
 */
import { join } from 'node:path';

export type StartPlan = {
  browser: 'chromium' | 'firefox';
  binary: string;
  /** which environment variable names the binary, for the error message */
  binaryVariable: 'CHROMIUM_BIN' | 'FIREFOX_BIN';
  mode: 'window' | 'headless';
  /** Chromium refuses to run as root without it (containers, CI boxes, many dev VMs) */
  noSandbox: boolean;
  url: string;
  /** headless: the local HTTPS server's port (0: any free one) */
  port: number;
  /** headless: where the screenshots go */
  out: string;
};

export type PlanInput = { argv: string[]; env: Record<string, string | undefined>; uid: number | undefined; root: string };

export const START_USAGE = `usage: npm start [-- [--firefox] [--headless] [--port <n>] [--out <folder>] [<start URL>]]
  With a display: opens Chromium (or Firefox) with the extension loaded, through web-ext run.
  Without one (DISPLAY and WAYLAND_DISPLAY unset), or with --headless: runs the browser headless with the
  extension on a TikTok page served locally under its real hostname, prints the badge's text and the popup's
  headline, and writes screenshots of both to <folder> (default artifacts/start).`;

export class UsageError extends Error {}

function valueOf(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function startPlan({ argv, env, uid, root }: PlanInput): StartPlan {
  const known = new Set(['--firefox', '--headless', '--port', '--out', '--']);
  argv.forEach((arg, i) => {
    if (arg.startsWith('--') && !known.has(arg) && !['--port', '--out'].includes(argv[i - 1] ?? '')) throw new UsageError(`unknown option ${arg}`);
  });
  const firefox = argv.includes('--firefox');
  const portText = valueOf(argv, '--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${portText}: not a port number`);
  const display = Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return {
    browser: firefox ? 'firefox' : 'chromium',
    binary: firefox ? (env.FIREFOX_BIN ?? '/usr/bin/firefox-esr') : (env.CHROMIUM_BIN ?? '/usr/bin/chromium'),
    binaryVariable: firefox ? 'FIREFOX_BIN' : 'CHROMIUM_BIN',
    mode: display && !argv.includes('--headless') ? 'window' : 'headless',
    noSandbox: !firefox && uid === 0,
    url: argv.find((a) => /^https?:\/\//.test(a)) ?? 'https://www.tiktok.com/',
    port,
    out: valueOf(argv, '--out') ?? join(root, 'artifacts', 'start'),
  };
}

/** The web-ext run arguments for a window (the extension reloads nothing: the build is already done). */
export function webExtRunArgs(plan: StartPlan, profile: string): string[] {
  if (plan.browser === 'firefox') {
    return ['run', '--source-dir', 'dist/firefox', '--target', 'firefox-desktop', '--firefox', plan.binary, '--start-url', plan.url, '--no-reload'];
  }
  return [
    'run', '--source-dir', 'dist/chrome', '--target', 'chromium', '--chromium-binary', plan.binary, '--chromium-profile', profile,
    '--keep-profile-changes', '--start-url', plan.url, '--no-reload', '--arg=--no-first-run', '--arg=--disable-background-networking',
    ...(plan.noSandbox ? ['--arg=--no-sandbox'] : []),
  ];
}
