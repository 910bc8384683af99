/** `npm run data:coverage`: writes docs/COVERAGE.md from data/. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMarkdown } from '../core/dataset/coverage.ts';
import { loadDatasetOrExit, ROOT } from './read-data.ts';

writeFileSync(join(ROOT, 'docs/COVERAGE.md'), coverageMarkdown(loadDatasetOrExit()));
console.log('wrote docs/COVERAGE.md');
