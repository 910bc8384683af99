/**
 * Run in a child process by the size benchmark (`node --expose-gc --import tsx memory-probe.ts`): the V8 heap
 * used before and after loading what the background parses at start (the host index, src/core/dataset/split.ts)
 * and building its look-up, each after a full garbage collection; then after the headline of every platform
 * (each platform's slice loaded, as cards and link markers do). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/read-data.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const collect = () => {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
};

// Load the code first, so that only data is counted below.
const { createAnswerer, headlineOf } = await import('../../src/background/answerer.ts');
const { hostIndex, platformSlice } = await import('../../src/core/dataset/split.ts');
type Compiled = Parameters<typeof hostIndex>[0];
const keep: unknown[] = [];
(globalThis as { keep?: unknown[] }).keep = keep;

// Let the module loader's asynchronous work settle, and warm JSON.parse and the file system up, so that the
// baseline holds no garbage or one-off allocations that the next steps would be charged for or credited with.
JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
await new Promise((resolve) => setTimeout(resolve, 300));
// The whole dataset is read outside the measurement: the background never holds it, only the host index and,
// on demand, one platform's slice at a time (kept for a few).
const compiled = JSON.parse(readFileSync(join(ROOT, 'src/generated/dataset.json'), 'utf8')) as Compiled;
const slices = new Map(compiled.platforms.map((p) => [p.id, JSON.stringify(platformSlice(compiled, p))]));
let text: string | null = JSON.stringify(hostIndex(compiled));
const rawBytes = Buffer.byteLength(text);
const before = collect();
const index = JSON.parse(text) as ReturnType<typeof hostIndex>;
keep.push(index);
text = null;
const afterDataset = collect();
const answerer = createAnswerer(index, async (id) => JSON.parse(slices.get(id)!), 'en');
keep.push(answerer);
const afterLookup = collect();
// One headline per platform, as cards and link markers ask for them (slices loaded; the answerer keeps a few).
let n = 0;
for (const p of index.platforms) if (await headlineOf(answerer, p.id, 'eu')) n += 1;
const afterSummaries = collect();
console.log(JSON.stringify({ rawBytes, before, afterDataset, afterLookup, afterSummaries, summaries: n }));
