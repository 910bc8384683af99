import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../../../src/core/match/registrable-domain.ts';

// The Public Suffix List's own test vectors (public domain), copied from ../shared/reference/psl-tests.txt.
const vectors = readFileSync(join(import.meta.dirname, '../../../fixtures/psl-tests.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('//'))
  .map((line) => line.trim().split(/\s+/) as [string, string]);

const toAscii = (domain: string) => new URL(`http://${domain}/`).hostname;

describe('registrableDomain passes the Public Suffix List test vectors', () => {
  it('has the vectors', () => expect(vectors.length).toBeGreaterThan(70));
  it.each(vectors)('%s -> %s', (input, expected) => {
    const actual = registrableDomain(input === 'null' ? null : input);
    expect(actual).toBe(expected === 'null' ? null : toAscii(expected));
  });
});
