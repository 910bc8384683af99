/** The size budgets of test/budgets.ts, on both builds (npm test builds before the unit tests). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../budgets.ts';
import { builtSizes } from '../../support/built-sizes.ts';

const DIST = join(import.meta.dirname, '../../../dist');

describe.each(['chrome', 'firefox'])('dist/%s stays within its size budgets', (browser) => {
  const sizes = builtSizes(join(DIST, browser));
  for (const [name, budget] of Object.entries(BUDGETS)) {
    it(`${name}: at most ${budget.gzipBytes} bytes gzipped${'bytes' in budget ? `, ${budget.bytes} raw` : ''}`, () => {
      const size = sizes[name as keyof typeof sizes];
      const files = 'files' in size ? size.files.map((f) => `${f.path} ${f.gzipBytes}`).join(', ') : size.path;
      expect(size.gzipBytes, `${name} is ${size.gzipBytes} bytes gzipped (${files}). Budget: ${budget.why}`).toBeLessThanOrEqual(budget.gzipBytes);
      if ('bytes' in budget) expect(size.bytes, `${name} is ${size.bytes} bytes. Budget: ${budget.why}`).toBeLessThanOrEqual(budget.bytes);
    });
  }
});
