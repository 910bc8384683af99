/** Popup entry: reads the current tab (or `?tab=<id>`, used by tests), works out the state and renders it. */
import { render } from 'preact';
import type { CompiledDataset } from '../core/dataset/compile.ts';
import datasetJson from '../generated/dataset.json';
import { message, tabUrl, uiLanguage } from '../browser/extension-api.ts';
import { createFormatters } from './format.ts';
import { Popup } from './Popup.tsx';
import { popupState } from './popup-state.ts';

async function start(): Promise<void> {
  const requested = Number(new URLSearchParams(location.search).get('tab') ?? Number.NaN);
  const tab = await tabUrl(Number.isInteger(requested) ? requested : undefined);
  const state = popupState(datasetJson as unknown as CompiledDataset, tab?.url);
  const locale = uiLanguage();
  document.documentElement.lang = locale;
  render(<Popup state={state} t={(key, subs) => message(key, subs)} f={createFormatters(locale)} />, document.getElementById('app')!);
}

void start();
