/** Reads data/ from disk for the Node tools (check, compile, coverage, lookup). The extension never does this. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { duplicateKeys } from '../core/dataset/duplicate-keys.ts';
import { validateDataset, type Problem, type RawFiles } from '../core/dataset/validate.ts';
import type { Dataset } from '../core/dataset/schema.ts';
import type { SourcePolicy } from '../core/dataset/provenance.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** RESIDENCY_LENS_DATA points the tools at another data folder (test fixtures). */
export const DATA_DIR = process.env.RESIDENCY_LENS_DATA ?? join(ROOT, 'data');

function readJson(path: string, problems: Problem[]): unknown {
  try {
    const text = readFileSync(path, 'utf8');
    const json: unknown = JSON.parse(text);
    for (const { key, line } of duplicateKeys(text)) {
      problems.push({ file: relative(ROOT, path), field: `line ${line}`, message: `"${key}" appears twice in one object (JSON keeps only the last): remove one` });
    }
    return json;
  } catch (error) {
    problems.push({ file: relative(ROOT, path), field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function readDir(dir: string, problems: Problem[]): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (!entry.endsWith('.json')) {
      problems.push({ file: relative(ROOT, path), field: '(file)', message: `only <id>.json files belong in ${relative(ROOT, dir)}/` });
      continue;
    }
    const json = readJson(path, problems);
    if (json !== undefined) files[relative(ROOT, path)] = json;
  }
  return files;
}

export function readRawFiles(dataDir = DATA_DIR): { raw: RawFiles; problems: Problem[] } {
  const problems: Problem[] = [];
  const ratesPath = join(dataDir, 'exchange-rates.json');
  const rates = existsSync(ratesPath) ? readJson(ratesPath, problems) : undefined;
  const raw: RawFiles = {
    platforms: readDir(join(dataDir, 'platforms'), problems),
    authorities: readDir(join(dataDir, 'authorities'), problems),
    jurisdictions: readDir(join(dataDir, 'jurisdictions'), problems),
    ...(existsSync(join(dataDir, 'regimes')) && { regimes: readDir(join(dataDir, 'regimes'), problems) }),
    ...(rates !== undefined && { exchangeRates: { file: relative(ROOT, ratesPath), json: rates } }),
  };
  return { raw, problems };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function loadDataset(dataDir = DATA_DIR): { dataset?: Dataset; problems: Problem[] } {
  const { raw, problems } = readRawFiles(dataDir);
  const result = validateDataset(raw, today());
  return { dataset: problems.length === 0 ? result.dataset : undefined, problems: [...problems, ...result.problems] };
}

/** Loads and validates, or prints every problem and exits 1. */
export function loadDatasetOrExit(dataDir = DATA_DIR): Dataset {
  const { dataset, problems } = loadDataset(dataDir);
  if (dataset === undefined || problems.length > 0) {
    for (const p of problems) console.error(`${p.file}: ${p.field}: ${p.message}`);
    console.error(`data: ${problems.length} problem(s)`);
    process.exit(1);
  }
  return dataset;
}

/** data/source-policy.json: hosts never cited, with the reason (see data/README.md, Sources). */
export function loadSourcePolicy(dataDir = DATA_DIR): SourcePolicy {
  const path = join(dataDir, 'source-policy.json');
  if (!existsSync(path)) return { excludedDomains: {} };
  return JSON.parse(readFileSync(path, 'utf8')) as SourcePolicy;
}
