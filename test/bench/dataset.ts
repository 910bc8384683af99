/** The real dataset, validated and compiled exactly as the build does (the same path as test/unit/helpers.ts). */
import { compileDataset, type CompiledDataset } from '../../src/core/dataset/compile.ts';
import { publicSuffixes } from '../../src/cli/public-suffixes.ts';
import { loadDataset } from '../../src/cli/read-data.ts';

export function realDataset(): CompiledDataset {
  const { dataset, problems } = loadDataset();
  if (!dataset) throw new Error(`data/ has problems:\n${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n')}`);
  const compiled = compileDataset(dataset, publicSuffixes());
  if (compiled.problems.length > 0) throw new Error(compiled.problems.map((p) => p.message).join('\n'));
  return compiled.compiled;
}
