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

  it('--region us: names China as a country of concern and says nothing about EU adequacy', () => {
    const { code, stdout } = run('--region', 'us', 'https://www.tiktok.com/');
    expect(code).toBe(0);
    const headline = stdout.split('\n')[1]!;
    expect(headline).toMatch(/On the US list of countries of concern .*: China\./);
    expect(stdout).toMatch(/^ {4}China \(CN\): [a-z, -]+; US country of concern$/m);
    expect(stdout).toMatch(/^ {4}United States \(US\): [a-z, -]+; In the US$/m);
    expect(stdout).not.toMatch(/adequacy/i);
  });

  it('--region frames the answer in each region\'s own regime, also as JSON', () => {
    const eu = run('--region', 'eu', 'tiktok.com').stdout;
    expect(eu).toMatch(/China[a-zA-Z, ]*: no EU adequacy decision/);
    expect(eu).not.toContain('country of concern');
    const ch = JSON.parse(run('--json', '--region', 'ch', 'tiktok.com').stdout);
    expect(ch.region).toBe('ch');
    expect(ch.headline).toContain("not on the Federal Council's list");
    expect(ch.flows).toContainEqual(expect.objectContaining({ country: 'US', regime: { status: 'partial', flagged: false } }));
    expect(ch.flows).toContainEqual(expect.objectContaining({ country: 'CN', regime: { status: 'none', flagged: true } }));
    const other = run('--region', 'other', 'tiktok.com').stdout;
    expect(other).not.toMatch(/adequacy|country of concern|PIPEDA|LGPD|APPI|PIPA|DPDP|APP 8/);
  });

  it('--help prints the usage and exits 0; an unknown region is bad input', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run lookup -- \[--json\] \[--region eu\|uk\|ch\|us\|ca\|br\|jp\|kr\|in\|au\|cn\|other\]/);
    const bad = run('--region', 'mars', 'tiktok.com');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
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
