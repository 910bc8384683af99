/** The command-line look-up, run as a user runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const run = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lookup.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run lookup', { timeout: 60_000 }, () => {
  it('prints the disclosure for a known platform and exits 0', () => {
    const { code, stdout } = run('https://www.tiktok.com/@someone');
    expect(code).toBe(0);
    expect(stdout).toContain('TikTok (tiktok)');
    expect(stdout).toContain('Data Protection Commission');
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = run('--json', 'VM.TIKTOK.COM.');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.platform).toEqual({ id: 'tiktok', name: 'TikTok' });
    expect(json.flows).toContainEqual(expect.objectContaining({ country: 'CN', role: 'remote-access' }));
    const fine = json.actions.find((a: { id: string }) => a.id === 'tiktok-ie-dpc-2025-china-transfers');
    expect(fine).toMatchObject({ authority: 'Data Protection Commission', authorityCountry: 'IE', date: '2025-04-30', type: 'fine', amount: 530_000_000, currency: 'EUR', status: 'upheld' });
    expect(fine.sources.some((url: string) => url.startsWith('https://www.dataprotection.ie/'))).toBe(true);
  });

  it('exits 1 for a site that is no platform', () => {
    expect(run('nottiktok.com').code).toBe(1);
    expect(JSON.parse(run('--json', 'tiktok.com.evil.com').stdout)).toEqual({ platform: null, host: 'tiktok.com.evil.com' });
    expect(run('about:blank').code).toBe(1);
  });

  it('exits 2 for bad input, with one line and no stack trace', () => {
    for (const args of [['http://[::1'], [], ['a.com', 'b.com']]) {
      const { code, stderr } = run(...args);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\bat .*\(/);
    }
  });
});
