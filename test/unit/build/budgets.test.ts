/** The size budgets of test/budgets.ts, on both builds (npm test builds before the unit tests). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, budgetGzipBytes } from '../../budgets.ts';
import { builtSizes } from '../../support/built-sizes.ts';

const DIST = join(import.meta.dirname, '../../../dist');
const PLATFORMS = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/generated/dataset.json'), 'utf8')) as { platforms: unknown[] }).platforms.length;

describe.each(['chrome', 'firefox'])('dist/%s stays within its size budgets', (browser) => {
  const sizes = builtSizes(join(DIST, browser));
  for (const [name, budget] of Object.entries(BUDGETS)) {
    const gzipBudget = budgetGzipBytes(budget, PLATFORMS);
    it(`${name}: at most ${gzipBudget} bytes gzipped (${PLATFORMS} platforms)${'bytes' in budget ? `, ${budget.bytes} raw` : ''}`, () => {
      const size = sizes[name as keyof typeof sizes];
      const files = 'files' in size ? size.files.map((f) => `${f.path} ${f.gzipBytes}`).join(', ') : size.path;
      expect(size.gzipBytes, `${name} is ${size.gzipBytes} bytes gzipped (${files}). Budget: ${budget.why}`).toBeLessThanOrEqual(gzipBudget);
      if ('bytes' in budget) expect(size.bytes, `${name} is ${size.bytes} bytes. Budget: ${budget.why}`).toBeLessThanOrEqual(budget.bytes);
    });
  }
});
