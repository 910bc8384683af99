/** `npm run data:check`: validates data/ and prints every problem with its file and field. */
import { compileDataset } from '../core/dataset/compile.ts';
import { loadDatasetOrExit } from './read-data.ts';
import { publicSuffixes } from './public-suffixes.ts';

const dataset = loadDatasetOrExit();
const { problems } = compileDataset(dataset, publicSuffixes());
for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.message}`);
if (problems.length > 0) {
  console.error(`data: ${problems.length} problem(s)`);
  process.exit(1);
}
const actions = dataset.platforms.reduce((n, p) => n + p.actions.length, 0);
console.log(
  `data: ok, ${dataset.platforms.length} platforms, ${actions} actions, ${Object.keys(dataset.authorities).length} authorities, ${Object.keys(dataset.jurisdictions).length} jurisdictions, ${Object.keys(dataset.regimes ?? {}).length} regimes`,
);
