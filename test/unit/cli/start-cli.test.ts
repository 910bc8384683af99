/**
 * `npm start` and `npm run lookup` for a newcomer: what start plans from its arguments, environment and user, and
 * the commands run as a user runs them, failing in one clear line (no stack trace) with a non-zero exit.
 * The headless run itself, with a real browser, is test/e2e/start-headless.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPlan, webExtRunArgs } from '../../../src/cli/start/plan.ts';

const ROOT = join(import.meta.dirname, '../../..');
const NO_DISPLAY = { PATH: process.env.PATH, HOME: process.env.HOME };

function run(script: string, args: string[], env: Record<string, string | undefined> = NO_DISPLAY) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', env: env as NodeJS.ProcessEnv, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One line, no stack frames, no Node error dump. */
function expectOneLine(stderr: string): void {
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
}

describe('startPlan', () => {
  const plan = (argv: string[], env: Record<string, string> = {}, uid = 1000) => startPlan({ argv, env, uid, root: '/repo' });

  it('opens a window when there is a display, and runs headless when there is none (or when asked)', () => {
    expect(plan([], { DISPLAY: ':0' }).mode).toBe('window');
    expect(plan([], { WAYLAND_DISPLAY: 'wayland-0' }).mode).toBe('window');
    expect(plan([]).mode).toBe('headless');
    expect(plan(['--headless'], { DISPLAY: ':0' }).mode).toBe('headless');
  });

  it('adds --no-sandbox for Chromium as root only, and says which binary and variable', () => {
    const asRoot = plan([], { DISPLAY: ':0' }, 0);
    expect(asRoot.noSandbox).toBe(true);
    expect(webExtRunArgs(asRoot, '/p')).toContain('--arg=--no-sandbox');
    expect(webExtRunArgs(plan([], { DISPLAY: ':0' }), '/p')).not.toContain('--arg=--no-sandbox');
    expect(plan(['--firefox'], {}, 0).noSandbox).toBe(false);
    expect(plan(['--firefox'], { FIREFOX_BIN: '/opt/ff' })).toMatchObject({ browser: 'firefox', binary: '/opt/ff', binaryVariable: 'FIREFOX_BIN' });
    expect(plan([])).toMatchObject({ browser: 'chromium', binary: '/usr/bin/chromium', url: 'https://www.tiktok.com/', port: 0, out: '/repo/artifacts/start' });
  });

  it('reads --port, --out and a start URL, and rejects what it does not know', () => {
    expect(plan(['--port', '8443', '--out', 'shots', 'https://m.tiktok.com/'])).toMatchObject({ port: 8443, out: 'shots', url: 'https://m.tiktok.com/' });
    expect(() => plan(['--port', 'x'])).toThrow('--port x: not a port number');
    expect(() => plan(['--port'])).toThrow('--port needs a value');
    expect(() => plan(['--chrome'])).toThrow('unknown option --chrome');
  });
});

describe('npm start, run as a user runs it', { timeout: 120_000 }, () => {
  it('--help prints the usage and exits 0', () => {
    const { code, stdout } = run('start', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm start/);
    expect(stdout).toContain('Without one (DISPLAY and WAYLAND_DISPLAY unset)');
  });

  it('a missing browser: one line naming it and the variable to set, exit 2', () => {
    const { code, stdout, stderr } = run('start', [], { ...NO_DISPLAY, CHROMIUM_BIN: '/nonexistent/chromium' });
    expect(code).toBe(2);
    expectOneLine(stderr);
    expect(stderr).toBe('start: /nonexistent/chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_BIN\n');
    expect(stdout).toBe('');
  });

  it('a port in use: one line saying so, non-zero exit', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const { code, stderr } = run('start', ['--port', String(port)]);
      expect(code).not.toBe(0);
      expectOneLine(stderr);
      expect(stderr).toBe(`start: port ${port} is in use: pass --port <n> with a free one (0 picks any)\n`);
    } finally {
      busy.close();
    }
  });

  it('an unknown option: the problem and the usage, exit 2', () => {
    const { code, stderr } = run('start', ['--chrome']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^start: unknown option --chrome\nusage: npm start/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('npm run lookup -- --help', { timeout: 60_000 }, () => {
  it.each(['--help', '-h'])('%s prints the usage and exits 0', (flag) => {
    const { code, stdout, stderr } = run('lookup', [flag]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run lookup -- \[--json\] .*<url or hostname>/);
    expect(stderr).toBe('');
  });
});
