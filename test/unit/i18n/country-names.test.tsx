// @vitest-environment happy-dom
/**
 * Country names read in a sentence in every locale we ship: Intl gives "United States", "Vereinigte Staaten",
 * "États-Unis" without the article a sentence needs ("in United States", "in Vereinigte Staaten", "en États-Unis"),
 * so every message names countries in a list after a colon (or in a list, or on their own). Checked on what the
 * extension really writes for every platform in data/: the popup, headline, toolbar tooltip, badge label and Markdown
 * summary, with each country name replaced by a marker so free text from the dataset cannot hide a problem.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { framedSummaryOf, pageOf } from '../../../src/background/answerer.ts';
import { toolbarBadge } from '../../../src/background/toolbar-badge.ts';
import { headline } from '../../../src/core/disclosure/headline.ts';
import { disclosureMarkdown } from '../../../src/core/disclosure/summary-markdown.ts';
import { createFormatters, type Formatters } from '../../../src/core/format.ts';
import { DEFAULT_SETTINGS, REGIONS } from '../../../src/core/settings/settings.ts';
import { Popup } from '../../../src/popup/Popup.tsx';
import { popupContext, popupState } from '../../../src/popup/popup-state.ts';
import { answererFor } from '../fixtures.ts';
import { realDataset } from '../helpers.ts';
import { translator } from '../translator.ts';

const LOCALES = readdirSync(join(import.meta.dirname, '../../../src/_locales')).sort();
const MARK = /⟦[A-Z]{2}⟧/g;

/** What may come right before a country name: nothing, a sentence's end, a colon, a list separator or conjunction, a bracket. */
function allowedBefore(locale: string): (before: string) => boolean {
  const tag = locale.replaceAll('_', '-');
  const literals = [2, 3].flatMap((n) =>
    new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }).formatToParts(Array.from({ length: n }, (_, i) => `x${i}`)).filter((p) => p.type === 'literal').map((p) => p.value),
  );
  return (before) => before === '' || /(:|;|\(|^-|[.!?→←])\s*$/u.test(before) || /,\s$/.test(before) || literals.some((l) => before.endsWith(l));
}

/** Each text run (an element's own text, split where a child element sits) with what precedes each marker in it. */
function runs(root: Element): string[] {
  const out: string[] = [];
  const visit = (el: Element) => {
    let run = '';
    for (const node of el.childNodes) {
      if (node.nodeType === 3) run += node.textContent ?? '';
      else if (node.nodeType === 1) {
        out.push(run);
        run = '';
        visit(node as Element);
      }
    }
    out.push(run);
    for (const attr of ['aria-label', 'title']) if (el.getAttribute(attr)) out.push(...el.getAttribute(attr)!.split(/;\s/));
  };
  visit(root);
  return out;
}

function misplaced(texts: string[], ok: (before: string) => boolean): string[] {
  return texts.flatMap((text) => [...text.matchAll(MARK)].filter((m) => !ok(text.slice(0, m.index))).map((m) => `…${text.slice(Math.max(0, m.index - 40), m.index + 4)}`));
}

/** A page address of the platform's own (the content script's hosts), to look it up as a tab would. */
const mainDomain = (platform: { domains: Array<{ domain: string; purpose: string }> }) =>
  (platform.domains.find((d) => d.purpose === 'main') ?? platform.domains[0]!).domain;

afterEach(() => cleanup());

describe.each(LOCALES)('country names in %s', (locale) => {
  const dataset = realDataset();
  const t = translator(locale);
  const base = createFormatters(locale.replaceAll('_', '-'));
  const f: Formatters = { ...base, country: (code) => `⟦${code}⟧` };
  const ok = allowedBefore(locale);
  const answerer = { ...answererFor(dataset, 'en-IE', t), formatters: () => f };

  // Every platform of data/ in every region: slow on a loaded machine, and it grows with the dataset.
  it('in headlines, toolbar tooltips, badge labels and Markdown summaries of every platform, in every region', { timeout: 180_000 }, async () => {
    const texts: string[] = [];
    for (const platform of dataset.platforms) {
      const state = popupState(dataset, DEFAULT_SETTINGS, `https://${mainDomain(platform)}/`);
      if (state.kind !== 'platform') continue;
      const d = state.disclosure;
      for (const region of REGIONS) {
        texts.push(headline(d, region, t, f));
        const page = pageOf(answerer, `https://${state.host}/`);
        const summary = page ? await framedSummaryOf(answerer, page.platform, region) : null;
        texts.push(toolbarBadge(summary, 'count', t, f, ['Facebook'])?.title ?? '');
        if (summary && summary.countries.length > 0) texts.push(t('badgeLabel', [summary.name, summary.countries.map(f.country).join(', ')]), `${t('badgeDataTo')} ${summary.countries.map(f.country).join(', ')}`);
        texts.push(...disclosureMarkdown(d, { region, regime: dataset.regimes?.[region], currency: 'EUR' }, t, f).split('\n').map((l) => l.replace(/^\s*- /, '')));
      }
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(misplaced(texts, ok)).toEqual([]);
  });

  it('in the popup of every platform', { timeout: 180_000 }, () => {
    const problems: string[] = [];
    for (const platform of dataset.platforms) {
      const state = popupState(dataset, DEFAULT_SETTINGS, `https://${mainDomain(platform)}/`);
      const context = popupContext(dataset, { ...DEFAULT_SETTINGS, region: 'eu' }, 'en-IE', '2026-01-15', 'https://example.org/issues/new');
      const tp = { observing: true, platforms: [], pageServerCountry: 'US' };
      const noop = () => undefined;
      const actions = { copy: async () => undefined, summaryMarkdown: () => '', accessRequest: () => ({ text: '' }), openOptions: noop, enable: noop, grantAllSites: noop };
      const { container } = render(<Popup state={state} context={context} thirdParties={tp} t={t} f={f} actions={actions} />);
      problems.push(...misplaced(runs(container), ok).map((p) => `${platform.id}: ${p}`));
      cleanup();
    }
    expect(problems).toEqual([]);
  });
});
