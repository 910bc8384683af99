/** What the popup shows for a tab, decided from its URL alone. */
import type { CompiledDataset } from '../core/dataset/compile.ts';
import { buildDisclosure, type Disclosure } from '../core/disclosure/build-disclosure.ts';
import { createPlatformLookup } from '../core/lookup.ts';

export type PopupState =
  | { kind: 'platform'; disclosure: Disclosure }
  | { kind: 'unknown'; host: string | undefined; datasetVersion: string }
  | { kind: 'not-a-website'; datasetVersion: string };

export function popupState(dataset: CompiledDataset, url: string | undefined): PopupState {
  // No URL means the browser did not let us read it: a site without a platform (only platform hosts are readable).
  if (url === undefined) return { kind: 'unknown', host: undefined, datasetVersion: dataset.version };
  const result = createPlatformLookup(dataset).lookup(url);
  if (result.kind === 'platform') return { kind: 'platform', disclosure: buildDisclosure(dataset, result.platform) };
  if (result.kind === 'unknown') return { kind: 'unknown', host: result.host, datasetVersion: dataset.version };
  return { kind: 'not-a-website', datasetVersion: dataset.version };
}
