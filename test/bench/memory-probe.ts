/**
 * Run in a child process by the size benchmark (`node --expose-gc --import tsx memory-probe.ts`): the V8 heap
 * used before and after loading the compiled dataset and building the background's look-up, each after a full
 * garbage collection. Prints one JSON line.
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
const { createAnswerer, summaryForUrl } = await import('../../src/background/answerer.ts');
const keep: unknown[] = [];
(globalThis as { keep?: unknown[] }).keep = keep;

// Let the module loader's asynchronous work settle, and warm JSON.parse and the file system up, so that the
// baseline holds no garbage or one-off allocations that the next steps would be charged for or credited with.
JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
await new Promise((resolve) => setTimeout(resolve, 300));
const before = collect();
let text: string | null = readFileSync(join(ROOT, 'src/generated/dataset.json'), 'utf8');
const rawBytes = Buffer.byteLength(text);
const dataset = JSON.parse(text) as Parameters<typeof createAnswerer>[0];
keep.push(dataset);
text = null;
const afterDataset = collect();
const answerer = createAnswerer(dataset, 'en');
keep.push(answerer);
const afterLookup = collect();
// One badge summary per platform, as the background makes on messages (transient; measured to show it is).
let n = 0;
for (const key of Object.keys(dataset.hosts.keys)) if (summaryForUrl(answerer, `https://www.${key}/`)) n += 1;
const afterSummaries = collect();
console.log(JSON.stringify({ rawBytes, before, afterDataset, afterLookup, afterSummaries, summaries: n }));
