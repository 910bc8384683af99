/** The dataset and the look-up, built once per background start (cheap: no state to lose on a restart). */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { badgeSummary, buildDisclosure } from '../core/disclosure/build-disclosure.ts';
import { createPlatformLookup, type PlatformLookup } from '../core/lookup.ts';
import type { BadgeSummary } from '../core/messaging/protocol.ts';

export type Answerer = { dataset: CompiledDataset; lookup: PlatformLookup };

export function createAnswerer(dataset: CompiledDataset): Answerer {
  return { dataset, lookup: createPlatformLookup(dataset) };
}

export function summaryForUrl(answerer: Answerer, url: string): BadgeSummary | null {
  const result = answerer.lookup.lookup(url);
  if (result.kind !== 'platform') return null;
  return badgeSummary(buildDisclosure(answerer.dataset, result.platform));
}
