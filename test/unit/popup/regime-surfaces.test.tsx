// @vitest-environment happy-dom
/**
 * One legal frame on every surface (issues 9.3 and 13): for each region setting, the TikTok popup (its headline
 * and everything else it says), the toolbar tooltip, the in-page card and the Markdown summary speak of that
 * region's regime and of no other. Real dataset, real English messages, the background's own answerer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { framedSummaryOf, headlineOf, pageOf } from '../../../src/background/answerer.ts';
import { toolbarBadge } from '../../../src/background/toolbar-badge.ts';
import { createBadge } from '../../../src/content/badge.ts';
import { accessRequest } from '../../../src/core/disclosure/access-request.ts';
import { FLAGGING_REGIONS, frame } from '../../../src/core/disclosure/framing.ts';
import { disclosureMarkdown } from '../../../src/core/disclosure/summary-markdown.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { DEFAULT_SETTINGS, REGIONS, type Region } from '../../../src/core/settings/settings.ts';
import { Popup } from '../../../src/popup/Popup.tsx';
import { popupContext, popupState } from '../../../src/popup/popup-state.ts';
import { platformBadge } from '../../../src/core/dataset/split.ts';
import { answererFor } from '../fixtures.ts';
import { realDataset } from '../helpers.ts';

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
/** Chrome's i18n.getMessage for positional placeholders. */
const t = (key: string, subs: string[] = []) => (messages[key]?.message ?? '').replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
const f = createFormatters('en');
const TIKTOK = 'https://www.tiktok.com/@someone';

/** Words only one regime uses: its own sentences and its longer tags (a template's longest fixed part). */
function signatures(region: Region): string[] {
  const keys = Object.keys(messages).filter((k) => k.startsWith(`regime_${region}_`) || k.startsWith(`verdict_${region}_`));
  return keys
    .filter((k) => !k.endsWith('_help'))
    .map((k) => messages[k]!.message.split(/\$\d/).sort((a, b) => b.length - a.length)[0]!.trim())
    .filter((text) => text.length >= 15);
}

type Surfaces = { headline: string; tooltip: string; card: string; popup: string; markdown: string };
const counts = new Map<Region, string>();

async function surfaces(region: Region): Promise<Surfaces> {
  const dataset = realDataset();
  const settings = { ...DEFAULT_SETTINGS, region };
  const state = popupState(dataset, settings, TIKTOK);
  if (state.kind !== 'platform') throw new Error(state.kind);
  const context = popupContext(dataset, settings, 'en-US', '2026-11-29', 'https://example.org/issues/new');
  const view = render(
    <Popup
      state={state}
      context={context}
      thirdParties={{ observing: true, platforms: [] }}
      t={t}
      f={f}
      actions={{
        copy: vi.fn(async () => undefined),
        summaryMarkdown: (d) => disclosureMarkdown(d, context, t, f),
        accessRequest: (d) => accessRequest(d, region, t),
        openOptions: vi.fn(),
        enable: vi.fn(),
        grantAllSites: vi.fn(),
      }}
    />,
  );
  // The company's own account of how it justifies its transfers out of the EEA (adequacy, clauses) is a fact about the
  // company that every user sees; what a region must not hear of is another regime's framing of the destinations.
  const framed = view.container.cloneNode(true) as HTMLElement;
  for (const list of framed.querySelectorAll('ul.mechanisms')) list.remove();
  const popup = framed.textContent ?? '';
  const headline = view.container.querySelector('.headline')?.textContent ?? '';
  counts.set(region, view.container.querySelector('header .counts')?.textContent ?? '');
  cleanup();

  // The toolbar and the in-page card get their words from the background, as in the extension.
  const answerer = answererFor(dataset, 'en-US', t);
  const platform = pageOf(answerer, TIKTOK)!.platform;
  const summary = await framedSummaryOf(answerer, platform, region);
  const tooltip = toolbarBadge(summary, 'count', t, f)!.title;
  let root: ShadowRoot | undefined;
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, { ...init, mode: 'open' });
    return root;
  });
  const headlineAsked = headlineOf(answerer, platform.id, region);
  createBadge({ name: platform.name, flagged: summary.withoutAdequacy.length > 0, headline: () => headlineAsked }, { dataTo: 'data may go to', noFlows: '', dismiss: 'Hide', label: 'TikTok', more: '', countries: [], dir: 'ltr', lang: 'en' }, 'bottom-right', () => undefined);
  spy.mockRestore();
  // The card asks for its headline when a person opens it (a trusted click): open it as the badge would.
  (root?.querySelector('.open') as HTMLElement | null)?.dispatchEvent(new MouseEvent('click'));
  const card = `${root?.querySelector('.card')?.textContent ?? ''} ${await headlineAsked}`;

  // As in the popup, the summary's lines on the company's own transfer mechanisms are left out of what is compared.
  const mechanismLines = state.disclosure.transferMechanisms.map((m) => `- ${t(`mechanism_${m.mechanism.replaceAll('-', '_')}`)}`);
  const markdown = disclosureMarkdown(state.disclosure, context, t, f)
    .split('\n')
    .filter((line) => !mechanismLines.some((start) => line.startsWith(start)))
    .join('\n');
  return { headline, tooltip, card, popup, markdown };
}

afterEach(() => cleanup());

const all = new Map(await Promise.all(REGIONS.map(async (region) => [region, await surfaces(region)] as const)));

describe.each([...REGIONS])('region %s: one regime on every surface', (region) => {
  const s = all.get(region)!;
  const dataset = realDataset();
  const state = popupState(dataset, { ...DEFAULT_SETTINGS, region }, TIKTOK);
  if (state.kind !== 'platform') throw new Error(state.kind);
  const own = frame(state.disclosure, region, t, f);

  it("every surface uses the regime's own sentence", () => {
    if (region === 'other') {
      expect(own.regimeNote).toBe('');
    } else {
      expect(own.regimeNote).not.toBe('');
      for (const [surface, text] of Object.entries(s)) expect(text, `${surface} of ${region}`).toContain(own.regimeNote);
    }
  });

  it('no surface uses another regime’s words', () => {
    for (const other of REGIONS.filter((r) => r !== region)) {
      for (const words of signatures(other)) {
        for (const [surface, text] of Object.entries(s)) expect(text, `${surface} of ${region} speaks of ${other}: "${words}"`).not.toContain(words);
      }
    }
  });

  it("'What you can do' names the user's own authority and the regime's rights, with their sources", () => {
    const regime = dataset.regimes[region];
    if (regime?.authority) expect(s.popup).toContain(dataset.authorities[regime.authority]!.name);
    expect(s.popup).toContain(own.rights);
    expect(s.markdown).toContain(own.rights);
    for (const right of regime?.rights ?? []) for (const source of right.sources) expect(s.markdown).toContain(`(${source.url})`);
  });

  it('the red mark follows the regime: flagged destinations only where the regime can flag, in the page as on the toolbar', async () => {
    const answerer = answererFor(dataset, 'en-US', t);
    const page = pageOf(answerer, TIKTOK)!;
    const summary = await framedSummaryOf(answerer, page.platform, region);
    expect(summary.withoutAdequacy).toEqual(own.flagged.map((d) => d.country));
    // The in-page badge's mark, compiled at build time for every region, says the same.
    expect(platformBadge(dataset, dataset.platforms.find((p) => p.id === page.platform.id)!).flagged[region]).toEqual(own.flagged.map((d) => d.country));
    if (!FLAGGING_REGIONS.includes(region)) expect(summary.withoutAdequacy).toEqual([]);
  });
});

describe('a user in the US', () => {
  const s = all.get('us')!;
  const lastCounts = counts.get('us')!;
  it('hears of countries of concern, and nowhere of EU adequacy', () => {
    expect(s.headline).toMatch(/On the US list of countries of concern .*: China\./);
    expect(s.tooltip).toMatch(/On the US list of countries of concern .*: China\./);
    for (const [surface, text] of Object.entries(s)) expect(text, surface).not.toMatch(/EU adequacy|adequacy decision/i);
    expect(s.popup).toContain('In the US');
    // Fine totals in the region's currency (converted at the stated rate), not in euros.
    expect(lastCounts).toMatch(/fines totalling about \$[\d.,]+[KMB]/);
    expect(lastCounts).not.toContain('€');
    expect(lastCounts).not.toContain('£');
    expect(s.popup).not.toContain('leads on complaints about this platform across the EU');
  });
});

describe("a user's own data-protection authority", () => {
  const dataset = realDataset();
  it('is the national one where a country also has regional authorities (Germany: the federal commissioner, not a Land)', () => {
    const context = popupContext(dataset, { ...DEFAULT_SETTINGS, region: 'eu', country: 'DE' }, 'de-DE', '2026-11-30', 'https://example.org/issues');
    expect(context.nationalAuthority?.id).toBe('de-bfdi');
  });
  it('is one per country: at most one national data-protection authority each', () => {
    const national = Object.values(dataset.authorities).filter((a) => a.kind === 'dpa' && !a.subnational && a.country !== 'EU');
    const countries = national.map((a) => a.country);
    expect(countries.filter((c, i) => countries.indexOf(c) !== i)).toEqual([]);
  });
});
