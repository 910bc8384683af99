// @vitest-environment happy-dom
/**
 * The popup's view rendered from fixtures, one test per state it can be in, with the real English messages and
 * the real formatters. Locale-dependent formatting (en, de, fr) is checked through Intl alone at the end.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicSuffixes } from '../../../src/cli/public-suffixes.ts';
import { compileDataset, type CompiledDataset } from '../../../src/core/dataset/compile.ts';
import type { Jurisdiction, Platform } from '../../../src/core/dataset/schema.ts';
import { accessRequest } from '../../../src/core/disclosure/access-request.ts';
import type { Disclosure } from '../../../src/core/disclosure/build-disclosure.ts';
import { countsLine } from '../../../src/core/disclosure/counts.ts';
import { headline } from '../../../src/core/disclosure/headline.ts';
import { disclosureMarkdown } from '../../../src/core/disclosure/summary-markdown.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/settings.ts';
import { Popup, type PopupProps, type ThirdParties } from '../../../src/popup/Popup.tsx';
import { popupContext, popupState, type PopupState } from '../../../src/popup/popup-state.ts';
import { authorities, compileFixture, fixtureDataset, jurisdictions, source, TIKTOK_LIKE } from '../fixtures.ts';

import { translator } from '../translator.ts';

const t = translator('en');
const f = createFormatters('en');
const ISSUES = 'https://github.com/residency-lens/residency-lens/issues/new';
const TODAY = '2026-01-15';
const NO_THIRD_PARTIES: ThirdParties = { observing: true, platforms: [] };

/** The Markdown summary as the popup's entry builds it, for a user in Ireland. */
const SUMMARY_CONTEXT = { region: 'eu' as const, currency: 'EUR', nationalAuthority: authorities['ie-dpc']! };
const markdownFor = (d: Disclosure) => disclosureMarkdown(d, SUMMARY_CONTEXT, t, f);

function actionsMock(): PopupProps['actions'] {
  return {
    copy: vi.fn(async () => undefined),
    summaryMarkdown: vi.fn(markdownFor),
    accessRequest: vi.fn((d: Disclosure) => accessRequest(d, 'eu', t)),
    openOptions: vi.fn(),
    enable: vi.fn(),
    grantAllSites: vi.fn(),
  };
}

function renderPopup(dataset: CompiledDataset, url: string | undefined, opts: { settings?: Partial<Settings>; locale?: string; thirdParties?: ThirdParties } = {}) {
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const state: PopupState = popupState(dataset, settings, url);
  const context = popupContext(dataset, settings, opts.locale ?? 'en-IE', TODAY, ISSUES);
  const actions = actionsMock();
  const view = render(<Popup state={state} context={context} thirdParties={opts.thirdParties ?? NO_THIRD_PARTIES} t={t} f={f} actions={actions} />);
  return { ...view, state, context, actions };
}

/** A richer TikTok: every fact with a source of its own, so the Markdown summary can be checked for each. */
const RICH: Platform = {
  ...TIKTOK_LIKE,
  operator: { name: 'TikTok Technology Limited', country: 'IE', sources: [source('https://example.org/operator')] },
  parent: { name: 'ByteDance Ltd.', country: 'KY', headquarters: 'CN', sources: [source('https://example.org/parent', false)] },
  flows: [
    { country: 'IE', role: 'storage', sources: [source('https://example.org/flow-ie')] },
    { country: 'CN', role: 'remote-access', sources: [source('https://example.org/flow-cn')] },
    { country: 'US', role: 'storage', sources: [source('https://example.org/flow-us')] },
  ],
  actions: TIKTOK_LIKE.actions.map((a) => ({ ...a, sources: [source(`https://example.org/action-${a.id}`)] })),
  positions: [{ by: 'company', date: '2025-05-02', summary: 'TikTok disagrees and will appeal.', sources: [source('https://example.org/position')] }],
  privacyContact: { email: 'privacy@example.org', sources: [source('https://example.org/contact')] },
};

const US_LAW = {
  id: 'us-padfa',
  name: 'Protecting Americans’ Data from Foreign Adversaries Act',
  kind: 'user-protection' as const,
  adopted: '2024-04-24',
  summary: 'Bars data brokers from selling Americans’ sensitive data to foreign adversaries.',
  sources: [source('https://www.congress.gov/bill/118th-congress/house-bill/7520')],
};

const CN_LAW = {
  id: 'cn-nil',
  name: 'National Intelligence Law',
  kind: 'state-access' as const,
  summary: 'Organisations must support state intelligence work.',
  sources: [source('https://example.org/cn-law')],
};

const RICH_JURISDICTIONS: Record<string, Jurisdiction> = {
  ...jurisdictions,
  CN: { code: 'CN', euAdequacy: { status: 'none', sources: [] }, ukAdequacy: { status: 'none', sources: [] }, laws: [CN_LAW] },
  US: { code: 'US', euAdequacy: { status: 'partial', sources: [source()] }, ukAdequacy: { status: 'partial', sources: [] }, laws: [US_LAW] },
  IE: { code: 'IE', euAdequacy: { status: 'eea', sources: [] }, ukAdequacy: { status: 'adequate', sources: [] }, laws: [] },
};

function richDataset(): CompiledDataset {
  const { compiled, problems } = compileDataset(
    {
      ...fixtureDataset([RICH]),
      authorities: { ...authorities, 'uk-ico': { id: 'uk-ico', name: "Information Commissioner's Office", country: 'GB', kind: 'dpa', url: 'https://ico.org.uk/', domains: ['ico.org.uk'] } },
      jurisdictions: RICH_JURISDICTIONS,
    },
    publicSuffixes(),
  );
  expect(problems).toEqual([]);
  return compiled;
}

const sectionTitles = (container: ParentNode) => [...container.querySelectorAll('details > summary h2')].map((h) => h.textContent);

afterEach(() => cleanup());

describe('Popup', () => {
  it('on a known platform: headline, counts, sections and sources that open in a new tab', () => {
    const { container, state } = renderPopup(compileFixture(), 'https://www.tiktok.com/@someone');
    expect(state.kind).toBe('platform');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('TikTok');
    expect(container.querySelector('.headline')?.textContent).toBe(
      'Countries where TikTok stores user data: Ireland and United States. Countries it can be accessed from remotely: China. ' +
        'China: no EU adequacy decision, so EU law does not presume your data is protected there.',
    );

    const counts = container.querySelector('header .counts')?.textContent;
    expect(counts).toBe(`2 actions · 2 fines totalling ${f.amount(875_000_000, 'EUR')} · 1 about data transfers · 1 under appeal`);
    expect(counts).toMatch(/^2 actions · 2 fines totalling /);

    expect(sectionTitles(container)).toEqual(['Who is responsible', 'Where your data may go (3)', 'Regulatory actions (2)', 'What you can do']);
    expect(screen.getByText('TikTok Technology Limited, Ireland')).toBeTruthy();
    const responsible = container.querySelector('#responsible')!.closest('details')!;
    expect(within(responsible).getByRole('link', { name: 'Data Protection Commission' }).getAttribute('href')).toBe('https://www.dataprotection.ie/');
    // en-IE: the user's own authority is the Irish one too.
    expect(screen.getByText('Your data-protection authority:')).toBeTruthy();
    expect(screen.getByText('Under appeal')).toBeTruthy();
    expect(screen.getByText('A fine.')).toBeTruthy();

    const links = [...container.querySelectorAll<HTMLAnchorElement>('ul.sources a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')?.split(/\s+/)).toContain('noopener');
    }
    expect(links[0]!.getAttribute('href')).toBe('https://www.dataprotection.ie/en/news-media');
    expect(links[0]!.textContent).toBe('Test publisher (opens in a new tab)');

    // The correction link names the platform and dataset version.
    const correction = new URL(screen.getByText('Report a correction').getAttribute('href')!);
    expect(correction.origin + correction.pathname).toBe(ISSUES);
    expect(correction.searchParams.get('title')).toBe('Correction: TikTok');
    expect(correction.searchParams.get('body')).toContain(state.kind === 'platform' ? state.disclosure.datasetVersion : '?');
  });

  it('on a site outside the dataset: says so, and that absence is no clean bill of health', () => {
    const { state } = renderPopup(compileFixture(), 'https://www.example.com/page');
    expect(state).toEqual({ kind: 'unknown', host: 'www.example.com' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('www.example.com');
    expect(screen.getByText("This site is not a platform in Residency Lens's dataset.")).toBeTruthy();
    expect(screen.getByText(/Being absent from the dataset does not mean the site keeps your data close/)).toBeTruthy();
    expect(screen.queryByText('Copy summary (Markdown)')).toBeNull();
  });

  it('without a readable address: an unknown site with a generic title', () => {
    renderPopup(compileFixture(), undefined);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This site');
    expect(screen.getByText(/Being absent from the dataset/)).toBeTruthy();
  });

  it('on a browser page: not a website', () => {
    const { state, container } = renderPopup(compileFixture(), 'chrome://extensions/');
    expect(state).toEqual({ kind: 'not-a-website' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Not a website');
    expect(screen.getByText('This is a browser or extension page. Residency Lens has nothing to say about it.')).toBeTruthy();
    expect(screen.queryByText(/Being absent from the dataset/)).toBeNull();
    expect(container.querySelector('footer')?.textContent).toContain('Dataset ');
  });

  it('when switched off: names the platform and Switch on calls actions.enable', () => {
    const { actions, state } = renderPopup(compileFixture(), 'https://www.tiktok.com/', { settings: { enabled: false } });
    expect(state.kind).toBe('switched-off');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('TikTok');
    expect(screen.getByText('Residency Lens is switched off.')).toBeTruthy();
    expect(screen.queryByText(/stores user data/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Switch on' }));
    expect(actions.enable).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(actions.openOptions).toHaveBeenCalledTimes(1);
  });

  it('in the UK: the UK adequacy wording and the ICO', () => {
    const { container, context } = renderPopup(richDataset(), 'https://www.tiktok.com/', { locale: 'en-GB' });
    expect(context.region).toBe('uk');
    const headline = container.querySelector('.headline')?.textContent ?? '';
    expect(headline).toContain('China: no UK adequacy regulations, so UK law does not presume your data is protected there.');
    expect(headline).not.toContain('EU adequacy');
    // China alone is flagged and has a recorded law: said once, without naming it again.
    expect(headline).toContain('protected there. Laws there can let the state reach data.');
    expect(screen.getByText('No UK adequacy', { selector: '.destination .tag' })).toBeTruthy();
    expect(container.querySelector('.destination .tag.adequacy-adequate')?.textContent).toBe('UK adequacy regulations');
    expect(screen.getByText('Partial UK adequacy', { selector: '.destination .tag' })).toBeTruthy();
    expect(screen.getByText('no UK adequacy')).toBeTruthy();
    expect(screen.getByRole('link', { name: "Information Commissioner's Office" }).getAttribute('href')).toBe('https://ico.org.uk/');
    expect(screen.getByText(/GDPR Article 15/)).toBeTruthy();
    expect(sectionTitles(container)).not.toContain('Laws that protect users in your region');
  });

  it('in the US: the home-law section with the US user-protection law', () => {
    const { container, context } = renderPopup(richDataset(), 'https://www.tiktok.com/', { settings: { region: 'us' } });
    expect(context.region).toBe('us');
    expect(context.homeLaws.map((l) => l.id)).toEqual(['us-padfa']);
    expect(sectionTitles(container)[0]).toBe('Laws that protect users in your region');
    const home = container.querySelector('#home')!.closest('details')!;
    expect(within(home).getByText(US_LAW.name)).toBeTruthy();
    expect(home.textContent).toContain(US_LAW.summary);
    expect(within(home).getByRole('link', { name: /Test publisher/ }).getAttribute('href')).toBe(US_LAW.sources[0]!.url);
    // A user-protection law is about the user's home, not a reason to worry about data sent to the US.
    expect(container.querySelector('.laws')?.textContent ?? '').not.toContain(US_LAW.name);
    // The US frame throughout: China is a country of concern, the US is home, nothing speaks of EU adequacy.
    const headline = container.querySelector('.headline')?.textContent ?? '';
    expect(headline).toContain('On the US list of countries of concern');
    expect(headline).toContain('China');
    expect(container.textContent).not.toMatch(/EU adequacy|adequacy decision/i);
    expect(screen.getByText('In the US')).toBeTruthy();
    expect(screen.getByText('US country of concern', { selector: '.tag' })).toBeTruthy();
    expect(screen.getByText('Not a US country of concern')).toBeTruthy();
    expect(screen.getByText('US country of concern', { selector: '.legend li' })).toBeTruthy();
    expect(screen.getByText(/CCPA right to know/)).toBeTruthy();
    // The lead authority's one-stop shop is an EU concept: not offered to a US user.
    expect(screen.queryByText(/across the EU/)).toBeNull();
  });

  it('in the EU: no home-law section, even with a US law in the dataset', () => {
    const { container } = renderPopup(richDataset(), 'https://www.tiktok.com/', { settings: { region: 'eu' } });
    expect(sectionTitles(container)).not.toContain('Laws that protect users in your region');
    expect(screen.getByText('In the EU/EEA', { selector: '.destination .tag' })).toBeTruthy();
  });

  it('marks decisions older than the recent-years setting', () => {
    const { container } = renderPopup(compileFixture(), 'https://www.tiktok.com/', { settings: { recentYears: 2 } });
    const items = [...container.querySelectorAll('li.action')];
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual(['2025-04-30', '2023-09-01']);
    expect(items.map((li) => li.classList.contains('old'))).toEqual([false, true]);
    expect(items[1]!.textContent).toContain('older than 2 years');
    expect(items[0]!.textContent).not.toContain('older than');
    expect(screen.getAllByText('older than 2 years')).toHaveLength(1);
  });

  it('marks nothing as old with a longer window', () => {
    renderPopup(compileFixture(), 'https://www.tiktok.com/', { settings: { recentYears: 5 } });
    expect(screen.queryByText(/older than/)).toBeNull();
  });

  it('copy summary passes Markdown with every source URL to actions.copy', () => {
    const { actions, state } = renderPopup(richDataset(), 'https://www.tiktok.com/');
    if (state.kind !== 'platform') throw new Error(state.kind);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary (Markdown)' }));
    expect(actions.summaryMarkdown).toHaveBeenCalledWith(state.disclosure);
    expect(actions.copy).toHaveBeenCalledTimes(1);
    const markdown = vi.mocked(actions.copy).mock.calls[0]![0];
    expect(markdown.startsWith('# TikTok\n')).toBe(true);
    const d = state.disclosure;
    const urls = [
      ...d.operator!.sources,
      ...d.parent!.sources,
      ...d.destinations.flatMap((x) => x.roles.flatMap((r) => r.sources)),
      ...d.actions.flatMap((a) => a.sources),
      ...d.positions.flatMap((p) => p.sources),
    ].map((s) => s.url);
    expect(new Set(urls).size).toBe(8);
    for (const url of urls) expect(markdown).toContain(`(${url})`);
  });

  it('links a source once where the data quotes it for two sentences, primary if either entry is', () => {
    const policy = 'https://example.org/policy-quoted-twice';
    const twice = {
      ...RICH,
      flows: [
        {
          country: 'IE' as const,
          role: 'storage' as const,
          sources: [
            { ...source(policy, false), quote: 'We store your data in Ireland.' },
            { ...source(policy), quote: 'Our data centre is in Dublin.' },
            source('https://example.org/another'),
          ],
        },
      ],
    };
    const { compiled, problems } = compileDataset({ ...fixtureDataset([twice]), authorities, jurisdictions: RICH_JURISDICTIONS }, publicSuffixes());
    expect(problems).toEqual([]);
    const { container, state, actions } = renderPopup(compiled, 'https://www.tiktok.com/');
    if (state.kind !== 'platform') throw new Error(state.kind);
    const items = [...container.querySelectorAll<HTMLLIElement>('ul.sources li')].filter((li) => li.querySelector('a')?.getAttribute('href') === policy);
    expect(items).toHaveLength(1);
    expect(items[0]!.querySelector('.tag')?.textContent).toBe(t('primarySource'));
    const markdown = vi.mocked(actions.summaryMarkdown).getMockImplementation()!(state.disclosure);
    expect(markdown.split(`(${policy})`).length - 1).toBe(2); // the link once, and once after the quotation
    expect(markdown).toContain('> We store your data in Ireland.');
  });

  it('names the laws that let the state reach data in each destination, and says so where none is recorded', () => {
    const { container, actions, state } = renderPopup(richDataset(), 'https://www.tiktok.com/');
    if (state.kind !== 'platform') throw new Error(state.kind);
    const byCountry = (name: string) => [...container.querySelectorAll('li.destination')].find((li) => li.querySelector('.country')?.textContent === name)!;
    // China has one recorded: its name, summary and source; Ireland has none: the popup says it is not known.
    expect(byCountry('China').textContent).toContain('National Intelligence Law');
    expect(byCountry('China').querySelector('a[href="https://example.org/cn-law"]')).not.toBeNull();
    expect(byCountry('China').textContent).not.toContain('no law that lets the state reach data is recorded');
    expect(byCountry('Ireland').textContent).toContain('Ireland: no law that lets the state reach data is recorded in this dataset yet; that does not mean there is none.');
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary (Markdown)' }));
    const markdown = vi.mocked(actions.copy).mock.calls[0]![0];
    expect(markdown).toContain('  - China: laws that let the state reach data: National Intelligence Law. Organisations must support state intelligence work. ([');
    expect(markdown).toContain('(https://example.org/cn-law)');
    expect(markdown).toContain('  - Ireland: no law that lets the state reach data is recorded');
    // A user-protection law is not a law of state access: the US line is the "not recorded" one.
    expect(markdown).not.toContain('United States: laws that let the state reach data');
  });

  it('says first that a service was shut down, with its date and source, in the popup and the summary', () => {
    const closed = { ...TIKTOK_LIKE, retired: { date: '2025-05-05', summary: 'The operator shut it down.', sources: [{ ...source('https://example.org/shutdown', false), quote: 'Today is the day it stops.' }] } };
    const { container, actions } = renderPopup(compileFixture([closed]), 'https://www.tiktok.com/');
    const note = container.querySelector('header .retired[role="note"]');
    expect(note?.textContent).toContain('Retired on May 5, 2025. The operator shut it down. The facts below are about the time it ran.');
    expect(note?.querySelector('a[href="https://example.org/shutdown"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary (Markdown)' }));
    const markdown = vi.mocked(actions.copy).mock.calls[0]![0];
    expect(markdown.startsWith('# TikTok\n\n**Retired on May 5, 2025.** The operator shut it down. The facts below are about the time it ran. ([')).toBe(true);
    // Before the headline in the popup too.
    expect(note?.compareDocumentPosition(container.querySelector('.headline')!)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(markdown).toContain('  > Today is the day it stops. ([');
    // A service that runs has no such note.
    cleanup();
    expect(renderPopup(compileFixture([TIKTOK_LIKE]), 'https://www.tiktok.com/').container.querySelector('.retired')).toBeNull();
  });

  it('the access request: copied through actions.copy, and offered as e-mail when there is an address', () => {
    const { actions, state } = renderPopup(richDataset(), 'https://www.tiktok.com/');
    if (state.kind !== 'platform') throw new Error(state.kind);
    fireEvent.click(screen.getByRole('button', { name: 'Copy an access request' }));
    expect(actions.accessRequest).toHaveBeenCalledWith(state.disclosure);
    const text = vi.mocked(actions.copy).mock.calls[0]![0];
    expect(text).toContain('To: privacy@example.org');
    expect(text).toContain('Dear TikTok Technology Limited,');
    expect(text).toContain('Article 15 of the General Data Protection Regulation');
    const mail = screen.getByText('Open as e-mail').getAttribute('href')!;
    expect(mail.startsWith('mailto:privacy@example.org?subject=')).toBe(true);
    expect(screen.queryByText(/no verified privacy contact/)).toBeNull();
    // The address itself, with the operator's source, so it can be checked; no form link when there is an address.
    const contact = document.querySelector('.todo .contact')!;
    expect(contact.querySelector('a[href="mailto:privacy@example.org"]')?.textContent).toBe('privacy@example.org');
    expect(contact.querySelector('a[href="https://example.org/contact"]')).not.toBeNull();
    expect(screen.queryByText('Open its request form')).toBeNull();
  });

  it('the access request to an operator that takes requests by form: a link to the form, no e-mail', () => {
    const byForm = { ...RICH, privacyContact: { url: 'https://example.org/privacy-form', sources: [{ ...source('https://example.org/policy'), quote: 'To exercise your rights, use our webform.' }] } };
    const { container } = renderPopup(compileFixture([byForm]), 'https://www.tiktok.com/');
    expect(screen.queryByText('Open as e-mail')).toBeNull();
    const form = screen.getByText('Open its request form').closest('a')!;
    expect(form.getAttribute('href')).toBe('https://example.org/privacy-form');
    expect(form.getAttribute('target')).toBe('_blank');
    const contact = container.querySelector('.todo .contact')!;
    expect(contact.textContent).toContain('Privacy contact: example.org/privacy-form');
    expect(contact.querySelector('blockquote')?.textContent).toBe('To exercise your rights, use our webform.');
  });

  it('the access request without a contact: no e-mail link, and a note saying so', () => {
    const { actions } = renderPopup(compileFixture(), 'https://www.tiktok.com/');
    expect(screen.queryByText('Open as e-mail')).toBeNull();
    expect(screen.getByText(/The dataset has no verified privacy contact/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy an access request' }));
    expect(vi.mocked(actions.copy).mock.calls[0]![0].startsWith('Subject: Access request: my personal data at TikTok')).toBe(true);
  });
});

/** One fine, no flows, no actions: the singulars and the empty sections. */
const ONE_FINE = { ...TIKTOK_LIKE, actions: [TIKTOK_LIKE.actions[0]!] };
const NOTHING_YET = { ...TIKTOK_LIKE, flows: [], actions: [], transferMechanisms: [] };

describe('Popup: counts, empty sections, other sites, summary, legend', () => {
  it('uses the singular for one action and one fine', () => {
    const { container } = renderPopup(compileFixture([ONE_FINE]), 'https://www.tiktok.com/', { settings: { recentYears: 1 } });
    expect(container.querySelector('header .counts')?.textContent).toBe(`1 action · 1 fine totalling ${f.amount(530_000_000, 'EUR')} · 1 about data transfers · 1 under appeal`);
    expect(sectionTitles(container)).toContain('Regulatory actions (1)');
  });

  it('marks an old decision in the singular when the window is one year', () => {
    renderPopup(compileFixture(), 'https://www.tiktok.com/', { settings: { recentYears: 1 } });
    expect(screen.getAllByText('older than 1 year')).toHaveLength(1);
  });

  it('shows empty sections as a heading and a sentence, nothing to open', () => {
    const { container } = renderPopup(compileFixture([NOTHING_YET]), 'https://www.tiktok.com/');
    expect(sectionTitles(container)).toEqual(['Who is responsible', 'What you can do']);
    const empty = [...container.querySelectorAll('section.empty')];
    expect(empty.map((s) => s.querySelector('h2')?.textContent)).toEqual(['Where your data may go', 'Regulatory actions']);
    expect(empty.map((s) => s.closest('details'))).toEqual([null, null]);
    expect(container.textContent).toContain("Not sourced yet: the dataset has no checked facts about where this platform's data goes.");
    expect(container.textContent).toContain('None in the dataset.');
    expect(container.textContent).not.toMatch(/\(0\)/);
  });

  it('on another site without access to all sites: says it is not watching, and how to turn it on', () => {
    const { actions, container } = renderPopup(compileFixture(), 'https://news.example.org/', { thirdParties: { observing: false, platforms: [] } });
    expect(container.textContent).not.toMatch(/\(0\)/);
    expect(container.querySelector('details')).toBeNull();
    expect(screen.getByText(/^Residency Lens is not watching this page/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on all sites' }));
    expect(actions.grantAllSites).toHaveBeenCalledTimes(1);
  });

  it('on another site it watches: says no known platform received data so far, or lists those that did', () => {
    renderPopup(compileFixture(), 'https://news.example.org/', { thirdParties: { observing: true, platforms: [] } });
    expect(screen.getByText(/^Residency Lens is watching this page: no known platform has received data from it so far/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Allow on all sites' })).toBeNull();
    cleanup();
    const dataset = compileFixture();
    const tiktok = popupState(dataset, DEFAULT_SETTINGS, 'https://www.tiktok.com/');
    if (tiktok.kind !== 'platform') throw new Error(tiktok.kind);
    const { container } = renderPopup(dataset, 'https://news.example.org/', {
      thirdParties: { observing: true, platforms: [{ disclosure: tiktok.disclosure, hosts: ['analytics.tiktok.com'], requests: 1, serverCountries: [] }] },
    });
    expect(sectionTitles(container)).toEqual(['Platforms this page sent data to (1)']);
    expect(container.querySelector('details')?.open).toBe(true);
  });

  it('the Markdown summary opens with the headline and counts, ends with what you can do, and drops empty sections', () => {
    const full = popupState(compileFixture(), DEFAULT_SETTINGS, 'https://www.tiktok.com/');
    if (full.kind !== 'platform') throw new Error(full.kind);
    const markdown = markdownFor(full.disclosure);
    const lines = markdown.split('\n');
    expect(lines.slice(0, 5)).toEqual(['# TikTok', '', headline(full.disclosure, 'eu', t, f), '', countsLine(full.disclosure, SUMMARY_CONTEXT, t, f)]);
    expect(markdown).toMatch(/## What you can do\n\n- .*GDPR Article 15/);
    expect(markdown).toContain('- Your data-protection authority: [Data Protection Commission](https://www.dataprotection.ie/)');

    const empty = popupState(compileFixture([NOTHING_YET]), DEFAULT_SETTINGS, 'https://www.tiktok.com/');
    if (empty.kind !== 'platform') throw new Error(empty.kind);
    const sparse = markdownFor(empty.disclosure);
    expect(sparse).not.toContain('## Where your data may go');
    expect(sparse).not.toContain('## Regulatory actions');
    expect(sparse).toContain('The dataset has no sourced facts yet about where TikTok stores data.');
    expect(sparse).toContain('0 actions');
    expect(sparse).toContain('## What you can do');
    // No heading is followed directly by another heading or the end.
    expect(sparse).not.toMatch(/^## .*\n\n(##|$)/m);
  });

  it('the diagram legend explains every line style and dot colour drawn, and nothing else', () => {
    const { container } = renderPopup(richDataset(), 'https://www.tiktok.com/', { settings: { region: 'eu' } });
    const drawn = (attr: string) => [...new Set([...container.querySelectorAll(`svg[role="img"] [data-${attr}]`)].map((e) => e.getAttribute(`data-${attr}`)))].sort();
    const explained = (attr: string) => [...container.querySelectorAll(`.legend li[data-${attr}]`)].map((e) => e.getAttribute(`data-${attr}`)).sort();
    expect(drawn('edge')).toEqual(['data', 'remote', 'seat']);
    expect(explained('edge')).toEqual(drawn('edge'));
    // The seat's grey dot is explained with the seat's line.
    expect(explained('dot')).toEqual(drawn('dot').filter((d) => d !== 'seat'));
    expect(drawn('dot')).toEqual(['clear', 'flagged', 'partial', 'seat']);
    // The dots' words are the regime's own: its verdicts, and its legend for the red dot.
    const legend = (kind: string) => container.querySelector(`.legend li[data-dot="${kind}"]`)?.textContent;
    expect(legend('flagged')).toBe('no EU adequacy');
    expect(legend('clear')).toBe('In the EU/EEA');
    expect(legend('partial')).toBe('Partial EU adequacy');
    // China is reached remotely: its line is the remote-access one, whatever else happens there.
    const china = [...container.querySelectorAll('svg[role="img"] g')].find((g) => g.textContent?.startsWith('China') && g.querySelector('[data-dot="flagged"]'));
    expect(china?.querySelector('path')?.getAttribute('data-edge')).toBe('remote');
    expect(container.querySelector('.legend')?.textContent).toContain('accessed remotely from there');
  });

  it('names what happens in a country once, however many flows say it', () => {
    const twice = { ...TIKTOK_LIKE, flows: [...TIKTOK_LIKE.flows, { country: 'US', role: 'storage' as const, programme: 'Project Texas', sources: [source('https://example.org/texas')] }] };
    const { container } = renderPopup(compileFixture([twice]), 'https://www.tiktok.com/');
    const us = [...container.querySelectorAll('svg[role="img"] g')].find((g) => g.textContent?.startsWith('United States'));
    expect(us?.querySelector('.dest-role')?.textContent).toBe('stored');
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain('United States: Stored;');
  });

  it('names the destinations it has no room to draw, so it never shows fewer countries than the headline', () => {
    const codes = ['IE', 'CN', 'US', 'SG', 'MY', 'BR', 'CA', 'IL', 'JP', 'PH'];
    const many = { ...TIKTOK_LIKE, flows: codes.map((country) => ({ country, role: 'storage' as const, sources: [source(`https://example.org/${country}`)] })) };
    const { container } = renderPopup(compileFixture([many]), 'https://www.tiktok.com/');
    // The destinations' rows (the parent company's seat, China here too, is a row of its own).
    const drawn = [...container.querySelectorAll('svg[role="img"] g')].filter((g) => g.querySelector('path')?.getAttribute('data-edge') !== 'seat').map((g) => g.querySelector('.dest-text')?.firstChild?.textContent);
    const rest = container.querySelector('.diagram .not-drawn')?.textContent ?? '';
    // Every destination is either drawn or named under the legend, once.
    for (const name of ['Ireland', 'China', 'United States', 'Singapore', 'Malaysia', 'Brazil', 'Canada', 'Israel', 'Japan', 'Philippines']) {
      expect(drawn.filter((d) => d === name).length + (rest.includes(name) ? 1 : 0), name).toBe(1);
    }
    expect(rest).toMatch(/^Other countries, not drawn here: .+\.$/);
    // With room for all, no such line.
    const { container: few } = renderPopup(compileFixture([TIKTOK_LIKE]), 'https://www.tiktok.com/');
    expect(few.querySelector('.diagram .not-drawn')).toBeNull();
  });
});

describe('Popup: how flows are told', () => {
  const open = (container: Element, id: string) => {
    const details = container.querySelector(`summary#${id}`)!.parentElement as HTMLDetailsElement;
    fireEvent.click(container.querySelector(`summary#${id}`)!);
    details.open = true;
    return details;
  };

  it('gives a flow its dates and its source\'s own words, and shows a flow that ended apart, never in the headline', () => {
    const line = {
      ...TIKTOK_LIKE,
      flows: [
        { country: 'IE', role: 'storage' as const, since: '2023-09', sources: [{ ...source('https://example.org/clover'), publisher: 'TikTok', quote: 'European data is stored in Ireland.' }] },
        { country: 'CN', role: 'remote-access' as const, until: '2021-03', sources: [source('https://example.org/ended', false)] },
      ],
    };
    const { container } = renderPopup(compileFixture([line]), 'https://www.tiktok.com/');
    expect(container.querySelector('.headline')?.textContent).not.toContain('China');
    const section = open(container, 'destinations');
    const text = section.textContent ?? '';
    expect(text).toContain('since September 2023');
    expect(within(section).getByText('European data is stored in Ireland.').tagName).toBe('BLOCKQUOTE');
    expect(text).toContain('In the words of TikTok:');
    expect(within(section).getByRole('heading', { name: t('earlierFlows') })).toBeTruthy();
    expect(text).toMatch(/China.*until March 2021/s);
  });

  it('names a source\'s link by its publisher alone, and says in small print which version or copy was read', () => {
    const note = 'privacy policy effective 30 November 2025; text read in an archived copy';
    const line = {
      ...TIKTOK_LIKE,
      flows: [{ country: 'IE', role: 'storage' as const, sources: [{ ...source('https://example.org/policy'), publisher: 'TikTok', note, quote: 'European data is stored in Ireland.' }] }],
    };
    const { container, actions } = renderPopup(compileFixture([line]), 'https://www.tiktok.com/');
    const section = open(container, 'destinations');
    expect(section.textContent).toContain('In the words of TikTok:');
    const quoteLink = within(section.querySelector('figure.quote') as HTMLElement).getByRole('link');
    expect(quoteLink.textContent).toBe('TikTok (opens in a new tab)');
    const listed = within(section.querySelector('ul.sources') as HTMLElement).getByRole('link');
    expect(listed.textContent).toBe('TikTok (opens in a new tab)');
    // Beside both links, outside them: the reader sees what was read without it naming the link.
    expect([...section.querySelectorAll('.source-note')].map((n) => n.textContent)).toEqual([note, note]);
    // The summary quotes the words with the link and the same note.
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary (Markdown)' }));
    expect(vi.mocked(actions.copy).mock.calls[0]![0]).toContain(`  > European data is stored in Ireland. ([TikTok](https://example.org/policy); ${note})`);
  });

  it('when no source names a country: says so in the headline and shows what the operator says, with its words', () => {
    const statement = { summary: 'Its policy names no country.', sources: [{ ...source('https://example.org/policy'), publisher: 'Tumblr', quote: 'You consent to the transfer of your information.' }] };
    const tumblr = { ...TIKTOK_LIKE, flows: [], flowStatement: statement };
    const { container } = renderPopup(compileFixture([tumblr]), 'https://www.tiktok.com/');
    expect(container.querySelector('.headline')?.textContent).toBe(t('headlineStatement', ['TikTok']));
    const section = open(container, 'destinations');
    expect(section.textContent).toContain('Its policy names no country.');
    expect(within(section).getByText('You consent to the transfer of your information.').tagName).toBe('BLOCKQUOTE');
  });
});

describe('Popup: what the first paint holds (issue #12, goal 2)', () => {
  afterEach(() => cleanup());
  const dataset = compileFixture();
  const tiktok = popupState(dataset, DEFAULT_SETTINGS, 'https://www.tiktok.com/');
  if (tiktok.kind !== 'platform') throw new Error(tiktok.kind);
  const context = popupContext(dataset, DEFAULT_SETTINGS, 'en-IE', TODAY, ISSUES);
  const popup = (props: Partial<PopupProps>) => <Popup state={tiktok} context={context} thirdParties={NO_THIRD_PARTIES} t={t} f={f} actions={actionsMock()} {...props} />;

  it('draws the folded sections with their headings only, then complete, with the same headings in the same order', () => {
    const third: ThirdParties = { observing: true, platforms: [{ disclosure: tiktok.disclosure, hosts: ['analytics.tiktok.com'], requests: 1, serverCountries: [] }] };
    const { container, rerender } = render(popup({ thirdParties: third, foldedLater: true }));
    const titles = sectionTitles(container);
    const bodies = () => [...container.querySelectorAll('details')].map((d) => (d.querySelector('.section-body')?.childElementCount ?? 0) > 0);
    // Only the open section (the page's third parties) has its contents; the headline and counts are there.
    expect(bodies()).toEqual(titles.map((title) => title.startsWith('Platforms this page sent data to')));
    expect(container.querySelector('h1')?.textContent).toBe('TikTok');
    expect(container.querySelector('.headline')?.textContent).toBe(headline(tiktok.disclosure, 'eu', t, f));
    rerender(popup({ thirdParties: third }));
    expect(sectionTitles(container)).toEqual(titles);
    expect(bodies().every(Boolean)).toBe(true);
  });

  it('keeps the line of a server country that is still being looked up, and fills it when it comes', () => {
    const { container, rerender } = render(popup({ thirdParties: { observing: true, platforms: [], pageServerLine: true } }));
    const line = () => container.querySelector('header .server');
    expect(line()?.textContent).toBe('\u00a0');
    expect(line()?.getAttribute('aria-hidden')).toBe('true');
    rerender(popup({ thirdParties: { observing: true, platforms: [], pageServerLine: true, pageServerCountry: 'IE' } }));
    expect(line()?.textContent).toBe(t('pageServerLocation', ['Ireland']));
    expect(line()?.hasAttribute('aria-hidden')).toBe(false);
    // Known at once (the table was decoded already), or no address at all: no line kept for nothing.
    rerender(popup({ thirdParties: NO_THIRD_PARTIES }));
    expect(line()).toBeNull();
  });

  it('says so when a server\'s address is not in the IP data, in the room kept for it or at once', () => {
    const { container, rerender } = render(popup({ thirdParties: { observing: true, platforms: [], pageServerLine: true } }));
    const line = () => container.querySelector('header .server');
    rerender(popup({ thirdParties: { observing: true, platforms: [], pageServerLine: true, pageServerUnlocated: true } }));
    expect(line()?.textContent).toBe(t('pageServerLocationUnknown'));
    expect(line()?.classList.contains('kept-page')).toBe(true);
    expect(line()?.hasAttribute('aria-hidden')).toBe(false);
    // Looked up before the first answer: the sentence without room kept.
    rerender(popup({ thirdParties: { observing: true, platforms: [], pageServerUnlocated: true } }));
    expect(line()?.textContent).toBe(t('pageServerLocationUnknown'));
    expect(line()?.classList.contains('kept-page')).toBe(false);
  });
});

describe('translator (Chrome substitution)', () => {
  it('fills $1..$9 positionally and leaves missing ones empty', () => {
    expect(t('countFines_other', ['2', '€1'])).toBe('2 fines totalling €1');
    expect(t('countFines_other', ['2'])).toBe('2 fines totalling ');
    expect(t('no-such-key')).toBe('');
  });
});

/**
 * Amounts and dates through createFormatters, as Intl on Node 20 (ICU 7x) writes them. Note the no-break spaces
 * (U+00A0) in German and French, and the narrow no-break space (U+202F) as the French thousands separator.
 */
describe('formatters in en, de, fr', () => {
  const cases: Record<string, { eur: string; gbp: string; small: string; day: string; month: string; year: string; number: string }> = {
    en: { eur: '€530M', gbp: '£7.55M', small: '€250,000', day: 'April 30, 2025', month: 'September 2023', year: '2023', number: '1,234,567' },
    de: {
      eur: '530\u00a0Mio.\u00a0€',
      gbp: '7,55\u00a0Mio.\u00a0£',
      small: '250.000\u00a0€',
      day: '30. April 2025',
      month: 'September 2023',
      year: '2023',
      number: '1.234.567',
    },
    fr: {
      eur: '530\u00a0M\u00a0€',
      gbp: '7,55\u00a0M\u00a0£GB',
      small: '250\u202f000\u00a0€',
      day: '30 avril 2025',
      month: 'septembre 2023',
      year: '2023',
      number: '1\u202f234\u202f567',
    },
  };

  for (const [locale, want] of Object.entries(cases)) {
    it(`formats in ${locale}`, () => {
      const fl = createFormatters(locale);
      expect(fl.amount(530_000_000, 'EUR')).toBe(want.eur);
      expect(fl.amount(7_552_800, 'GBP')).toBe(want.gbp);
      expect(fl.amount(250_000, 'EUR')).toBe(want.small);
      expect(fl.date('2025-04-30')).toBe(want.day);
      expect(fl.date('2023-09')).toBe(want.month);
      expect(fl.date('2023')).toBe(want.year);
      expect(fl.number(1_234_567)).toBe(want.number);
    });
  }

  it('names countries and joins lists in each language', () => {
    expect(createFormatters('en').list(['Ireland', 'China', 'United States'])).toBe('Ireland, China, and United States');
    expect(createFormatters('de').list(['Irland', 'China', 'USA'])).toBe('Irland, China und USA');
    expect(createFormatters('fr').list(['Irlande', 'Chine', 'États-Unis'])).toBe('Irlande, Chine et États-Unis');
    expect(['en', 'de', 'fr'].map((l) => createFormatters(l).country('US'))).toEqual(['United States', 'Vereinigte Staaten', 'États-Unis']);
    expect(createFormatters('en').country('XK')).toBe('Kosovo');
  });

  it('keeps dates on the day given, whatever the time zone', () => {
    expect(createFormatters('en').date('2025-01-01')).toBe('January 1, 2025');
    expect(createFormatters('en').date('2024-12-31')).toBe('December 31, 2024');
  });
});

describe('popup: where each figure comes from', () => {
  it('shows the source\'s own words and when the status was last checked, and says so when it never was', () => {
    const checked = structuredClone(TIKTOK_LIKE);
    checked.actions[0]!.sources = [{ ...source(), quote: 'The DPC has fined TikTok EUR 530 million.', lang: 'en' }];
    checked.actions[0]!.status = { value: 'appealed', checked: '2026-11-29', source: { ...source(), publisher: 'High Court register' } };
    checked.actions[1]!.status = { value: 'no-later-info' };
    checked.actions[1]!.dateIsAnnouncement = true;
    const { container } = renderPopup(compileFixture([checked]), 'https://www.tiktok.com/');
    const quote = container.querySelector('.quote blockquote');
    expect(quote?.textContent).toBe('The DPC has fined TikTok EUR 530 million.');
    expect(quote?.getAttribute('cite')).toBe('https://www.dataprotection.ie/en/news-media');
    expect(container.querySelector('.quote figcaption')?.textContent).toBe("In the authority's words:");
    const text = container.textContent ?? '';
    expect(text).toContain('Status last checked on November 29, 2026 in High Court register');
    expect(text).toContain('Status not verified yet.');
    expect(text).toContain('No later information found');
    expect(text).toContain('Announced September 1, 2023');
    expect(text).toContain('1 with no later information found');
  });
});
