/**
 * What a person sees, driven in Debian's Chromium with the built extension (issue 9, points 4 and 6): one language
 * per surface with a browser language the extension has no messages for; the popup on a site it does not watch;
 * plurals; empty sections; a platform whose sources name no country (the operator's statement) and one with a
 * flow that ended (listed as earlier, never in the headline), both passing axe; the diagram's legend; no horizontal
 * scrollbar in a narrow or zoomed popup, long quotes included; the in-page
 * badge on a right-to-left page, in a small window over a fixed footer, with its card open in a 400x300 window,
 * and with a transformed <body>; keyboard focus after dismissing the badge and after "Show again"; and "Clear
 * history" asking before it deletes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledDataset } from '../../src/core/dataset/compile.ts';
import { buildDisclosure, type Disclosure } from '../../src/core/disclosure/build-disclosure.ts';
import { axeViolations } from './support/axe.ts';
import { area, badgeParts, overlap } from './support/badge-geometry.ts';
import { launchChromium, tabIdOf, toolbarBadge, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { startHttpsServer, type TestServer } from './support/https-server.ts';
import { layoutRoute } from './support/layout-pages.ts';

const dataset = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/generated/dataset.json'), 'utf8')) as CompiledDataset;

/** A platform of the compiled dataset in a given state, and a page address on its main domain. */
function platformWhere(test: (d: Disclosure) => boolean): { id: string; name: string; domain: string } | undefined {
  const p = dataset.platforms.find((x) => test(buildDisclosure(dataset, x)));
  const domain = p?.domains.find((d) => d.purpose === 'main')?.domain;
  return p && domain ? { id: p.id, name: p.name, domain } : undefined;
}
const ONE_ACTION = platformWhere((d) => d.counts.actions === 1);
const ONE_FINE = platformWhere((d) => d.counts.fines === 1);
const NO_FLOWS = platformWhere((d) => d.destinations.length === 0 && d.transferMechanisms.length === 0 && d.earlier.length === 0 && !d.flowStatement);
const NO_ACTIONS = platformWhere((d) => d.actions.length === 0);
const STATEMENT_ONLY = platformWhere((d) => d.destinations.length === 0 && d.flowStatement !== undefined && d.flowStatement.sources.some((s) => s.quote));
/**
 * A platform with a flow that ended (`until`) in a country it no longer sends data to (LINE and China), and current
 * flows too, so that there is a diagram to keep the ended country out of (Allegro's only data flow has ended).
 */
const ENDED = platformWhere((d) => d.destinations.length > 0 && d.earlier.some((e) => !d.destinations.some((x) => x.country === e.country) && e.roles.some((r) => r.role === 'remote-access' || r.role === 'storage')));
const EXTRA_DOMAINS = [ONE_ACTION, ONE_FINE, NO_FLOWS, NO_ACTIONS, STATEMENT_ONLY, ENDED].flatMap((p) => (p ? [p.domain] : []));
const HOSTS = ['*.tiktok.com', 'tiktok.com', 'news.example-news.com', ...EXTRA_DOMAINS];

let server: TestServer;
beforeAll(async () => {
  server = await startHttpsServer(layoutRoute);
});
afterAll(async () => server?.close());

async function openPopupFor(ext: ExtensionBrowser, url: string, viewport = { width: 400, height: 600 }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  // The page's own tab, found by the address the extension sees (none on a site it has no access to: the newest).
  const tabId = await tabIdOf(ext, url).catch(() => ext.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id!))));
  const popup = await ext.context.newPage();
  await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  await popup.locator('h1').waitFor();
  return popup;
}

/** The Markdown that "Copy summary" would put on the clipboard. */
async function copiedSummary(popup: Page): Promise<string> {
  await popup.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  await popup.getByRole('button', { name: /\(Markdown\)/ }).click();
  return popup.evaluate(() => (window as unknown as { copied: string[] }).copied[0] ?? '');
}

/**
 * A browser language the extension has no messages for (translators keep adding folders to src/_locales, so it is
 * picked, not named): its messages fall back to English. `foreign` matches that language's own names of the
 * countries and months that would show if Intl followed the browser rather than the messages.
 */
const SHIPPED = readdirSync(join(import.meta.dirname, '../../src/_locales'));
const UNSHIPPED = ['sv', 'da', 'fi', 'cs', 'ro', 'hu', 'el', 'tr'].find((l) => !SHIPPED.some((f) => f.split('_')[0] === l))!;
function foreignNames(lang: string): RegExp {
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const englishCountries = new Intl.DisplayNames(['en'], { type: 'region' });
  const months = (l: string) => Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(l, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, m, 15)));
  const english = new Set(months('en').map((m) => m.toLowerCase()));
  const names = [
    ...['IE', 'NO', 'US', 'SG'].filter((c) => countries.of(c) !== englishCountries.of(c)).map((c) => countries.of(c)!),
    ...months(lang).filter((m) => !english.has(m.toLowerCase())),
  ];
  return new RegExp(`(?<![\\p{L}])(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu');
}

/**
 * Debian's Chromium ships only its en-US interface, so i18n.getUILanguage() says "en-US" whatever --lang says,
 * while the extension's messages follow --lang: with --lang=de the messages are German and the interface language
 * English (the mix this checks: German sentences with "Ireland" in them), with a language it has no messages for
 * both are English. Each surface must be in the messages' language throughout. Only text the extension writes is
 * checked (dataset summaries are English in every locale).
 */
const LANGUAGES = [
  {
    lang: 'de',
    messages: 'de',
    country: 'Irland',
    tooltip: /^TikTok – mögliche Datenziele: .*Irland/,
    date: /\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20\d\d/,
    foreign: /Ireland|Norway|United States|Singapore|January|February|March|June|July|October|December|\b[A-Z][a-z]+ \d{1,2}, 20\d\d/,
  },
  {
    lang: UNSHIPPED,
    messages: 'en',
    country: 'Ireland',
    tooltip: /^TikTok – possible data destinations: .*Ireland/,
    date: /(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d/,
    foreign: foreignNames(UNSHIPPED),
  },
] as const;

/** Text the extension itself writes in the popup: headline, counts, country names, dates, diagram, legend. */
const OWN_TEXT = '.headline, .counts, .destination .country, .laws h3, time, .diagram svg text, .legend, .server, footer';

describe.each(LANGUAGES)('Chromium with --lang=$lang', ({ lang, messages, country, tooltip, date, foreign }) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS, locale: lang });
  });
  afterAll(async () => ext?.close());

  it(`writes every surface in the messages' language (${messages}): badge, toolbar, popup, summary, options`, async () => {
    expect(await ext.worker.evaluate(() => chrome.i18n.getMessage('messagesLocale'))).toBe(messages);
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    const badge = await waitForBadge(page);
    expect(badge).toContain(country);
    expect(badge).not.toMatch(foreign);
    const title = (await toolbarBadge(ext, await tabIdOf(ext, 'https://www.tiktok.com/'))).title;
    expect(title).toMatch(tooltip);
    expect(title).not.toMatch(foreign);

    const popup = await openPopupFor(ext, 'https://www.tiktok.com/');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(messages);
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const own = (await popup.locator(OWN_TEXT).allInnerTexts()).join('\n');
    expect(own).toContain(country);
    expect(own).toMatch(date);
    expect(own).not.toMatch(foreign);
    const markdown = await copiedSummary(popup);
    // In the destinations section each line starts with a country's name; the last line carries the review date.
    const destinations = markdown.split('\n## ')[1]!.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2, l.indexOf(':')));
    expect(destinations).toContain(country);
    expect(destinations.join(' ')).not.toMatch(foreign);
    expect(markdown.trim().split('\n').at(-1)).toMatch(date);

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('h1').waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(messages);
    const countries = await options.locator('#country option').allInnerTexts();
    expect(countries).toContain(country);
    expect(countries.join(' ')).not.toMatch(foreign);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});

describe('Chromium: the popup', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS });
  });
  afterAll(async () => ext?.close());

  it('on a site it does not watch, says so and how to turn it on, with no "(0)"', async () => {
    const popup = await openPopupFor(ext, 'https://news.example-news.com/');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('Residency Lens is not watching this page');
    expect(text).not.toContain('(0)');
    expect(await popup.locator('details').count()).toBe(0);
    expect(await popup.getByRole('button', { name: 'Allow on all sites' }).count()).toBe(1);
    await popup.close();
  });

  it('counts in the singular: "1 action", "1 fine totalling"', async () => {
    for (const [platform, pattern] of [
      [ONE_ACTION, /^1 action(?!s)/],
      [ONE_FINE, /· 1 fine totalling /],
    ] as const) {
      if (!platform) continue; // the dataset has no such platform today
      const popup = await openPopupFor(ext, `https://${platform.domain}/`);
      const counts = await popup.locator('header .counts').innerText();
      expect(counts, platform.id).toMatch(pattern);
      expect(counts).not.toMatch(/\b1 (actions|fines)\b/);
      await popup.close();
    }
    expect(ONE_ACTION ?? ONE_FINE).toBeDefined();
  });

  it('shows an empty section as a heading and a sentence, and the summary drops it but keeps headline, counts and what to do', async () => {
    const platform = NO_FLOWS ?? NO_ACTIONS;
    expect(platform, 'a platform without flows or actions in data/').toBeDefined();
    const popup = await openPopupFor(ext, `https://${platform!.domain}/`);
    const summaries = await popup.locator('details > summary').allInnerTexts();
    expect(summaries.join('|')).not.toContain('(0)');
    expect(await popup.locator('section.empty h2').count()).toBeGreaterThan(0);
    const markdown = await copiedSummary(popup);
    const headline = await popup.locator('.headline').innerText();
    const counts = await popup.locator('header .counts').innerText();
    expect(markdown.startsWith(`# ${platform!.name}\n\n${headline}\n\n${counts}\n`)).toBe(true);
    expect(markdown).toContain('## What you can do');
    expect(markdown).not.toMatch(/^## .*\n\n(##|$)/m);
    if (NO_FLOWS) expect(markdown).not.toContain('## Where your data may go');
    await popup.close();
  });

  it('where no source names a country: the headline says so and the section shows what the operator says, in its words', async () => {
    expect(STATEMENT_ONLY, 'a platform with only a flow statement in data/').toBeDefined();
    const disclosure = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === STATEMENT_ONLY!.id)!);
    const popup = await openPopupFor(ext, `https://${STATEMENT_ONLY!.domain}/`);
    expect(await popup.locator('.headline').innerText()).toContain('No source checked for the dataset names a country');
    await popup.locator('summary', { hasText: 'Where your data may go' }).click();
    const section = popup.locator('.flow-statement');
    await expect.poll(() => section.innerText()).toContain(disclosure.flowStatement!.summary);
    expect(await section.locator('blockquote').innerText()).toBe(disclosure.flowStatement!.sources.find((s) => s.quote)!.quote);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('keeps a flow that ended out of the headline and the diagram, and lists it under Earlier with its end date', async () => {
    expect(ENDED, 'a platform with an ended flow in data/').toBeDefined();
    const disclosure = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === ENDED!.id)!);
    const gone = disclosure.earlier.find((e) => !disclosure.destinations.some((x) => x.country === e.country))!;
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(gone.country)!;
    const popup = await openPopupFor(ext, `https://${ENDED!.domain}/`);
    expect(await popup.locator('.headline').innerText()).not.toContain(name);
    expect(await popup.locator('.diagram svg[role="img"]').getAttribute('aria-label')).not.toContain(name);
    await popup.locator('summary', { hasText: 'Where your data may go' }).click();
    await popup.getByRole('heading', { name: 'Earlier (ended, as its sources date it)' }).waitFor();
    const item = popup.locator('li.destination', { hasText: name }).last();
    expect(await item.innerText()).toMatch(/until /);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it("draws each line and dot the way the legend shows it (China's remote access red and dashed)", async () => {
    const popup = await openPopupFor(ext, 'https://www.tiktok.com/');
    const drawn = await popup.evaluate(() => {
      const style = (el: Element) => {
        const s = getComputedStyle(el);
        return { stroke: s.stroke, dash: s.strokeDasharray, fill: s.fill };
      };
      const diagram = document.querySelector('.diagram svg[role="img"]')!;
      const legend = (sel: string) => document.querySelector(`.legend ${sel}`);
      return {
        edges: [...diagram.querySelectorAll('path[data-edge]')].map((p) => ({
          kind: p.getAttribute('data-edge')!,
          label: p.parentElement!.textContent,
          drawn: style(p),
          legend: legend(`li[data-edge="${p.getAttribute('data-edge')}"] line`) ? style(legend(`li[data-edge="${p.getAttribute('data-edge')}"] line`)!) : null,
        })),
        dots: [...diagram.querySelectorAll('circle[data-dot]')].map((c) => {
          const kind = c.getAttribute('data-dot')!;
          const swatch = kind === 'seat' ? legend('li[data-edge="seat"] circle') : legend(`li[data-dot="${kind}"] circle`);
          return { kind, drawn: style(c), legend: swatch ? style(swatch) : null };
        }),
      };
    });
    for (const edge of drawn.edges) expect(edge.legend, `${edge.kind} line`).toEqual(edge.drawn);
    for (const dot of drawn.dots) expect(dot.legend, `${dot.kind} dot`).toEqual(dot.drawn);
    const china = drawn.edges.find((e) => e.label?.startsWith('China') && e.kind !== 'seat');
    expect(china?.kind).toBe('remote');
    expect(china?.drawn.dash).not.toBe('none');
    expect(china?.drawn.stroke).toBe('rgb(179, 38, 30)');
    await popup.close();
  });

  it('has no horizontal scrollbar at 320 px, nor at 200% zoom (400x300 CSS pixels), every section open', async () => {
    for (const viewport of [{ width: 320, height: 600 }, { width: 400, height: 300 }, { width: 400, height: 600 }]) {
      const quoted = [STATEMENT_ONLY, ENDED].flatMap((p) => (p ? [`https://${p.domain}/`] : []));
      for (const url of ['https://www.tiktok.com/', 'https://news.example-news.com/', ...quoted]) {
        const popup = await openPopupFor(ext, url, viewport);
        await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const size = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, scrolls: document.documentElement.scrollHeight > innerHeight }));
        expect(size.scroll, `${url} at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(size.client);
        await popup.close();
      }
    }
  });
});

describe('Chromium: the in-page badge in awkward places', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS });
  });
  afterAll(async () => ext?.close());

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await ext.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`https://www.tiktok.com${path}`);
    expect(await waitForBadge(page)).toContain('TikTok');
    return page;
  }

  it("keeps its own direction on a right-to-left page: the name is whole, the card's text left to right", async () => {
    const page = await open('/rtl', { width: 1000, height: 700 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const parts = await badgeParts(page, ['wrap', 'text', 'name', 'headline'], ['direction']);
    expect(parts.wrap!.style.direction).toBe('ltr');
    expect(parts.headline!.style.direction).toBe('ltr');
    const text = parts.text!.box!;
    const name = parts.name!.box!;
    expect(name.x).toBeGreaterThanOrEqual(text.x - 0.5);
    expect(name.x + name.width).toBeLessThanOrEqual(text.x + text.width + 0.5);
    // Still in its corner: the page's direction does not move it.
    expect(parts.host!.box!.x + parts.host!.box!.width).toBeCloseTo(1000 - 16, 0);
    await page.close();
  });

  it('at 320 px stays on screen as a compact pill over a small corner of a fixed footer', async () => {
    const page = await open('/footer', { width: 320, height: 640 });
    const parts = await badgeParts(page, ['badge', 'detail']);
    const badge = parts.badge!.box!;
    expect(badge.x).toBeGreaterThanOrEqual(0);
    expect(badge.x + badge.width).toBeLessThanOrEqual(320);
    expect(parts.detail!.box).toBeNull(); // the country list is left out; the accessible label keeps it
    expect(badge.width).toBeLessThanOrEqual(320 / 2);
    const footer = await page.locator('#footer').boundingBox();
    expect(overlap(badge, footer!) / area(footer!)).toBeLessThan(0.25);
    await page.close();
  });

  it('at 400x300, the open card covers less than half of the window', async () => {
    const page = await open('/', { width: 400, height: 300 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const parts = await badgeParts(page, ['card', 'badge']);
    expect(parts.card!.box).not.toBeNull();
    const covered = area(parts.card!.box!) + area(parts.badge!.box!);
    expect(covered / (400 * 300)).toBeLessThan(0.5);
    for (const box of [parts.card!.box!, parts.badge!.box!]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
    }
    await page.close();
  });

  it('with a transformed <body> and page rules aimed at it, stays fixed in its corner at full size', async () => {
    const plain = await open('/', { width: 900, height: 600 });
    const normal = (await badgeParts(plain, ['badge'])).badge!.box!;
    await plain.close();
    const page = await open('/transform', { width: 900, height: 600 });
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(200);
    const parts = await badgeParts(page, ['badge'], ['position', 'transform', 'filter']);
    expect(parts.host!.style).toEqual({ position: 'fixed', transform: 'none', filter: 'none' });
    const badge = parts.badge!.box!;
    // The window less its scrollbars: a fixed element's corner.
    const view = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
    expect(badge.width).toBeCloseTo(normal.width, 0);
    expect(badge.height).toBeCloseTo(normal.height, 0);
    expect(badge.x + badge.width).toBeCloseTo(view.width - 16, 0);
    expect(badge.y + badge.height).toBeCloseTo(view.height - 16, 0);
    expect(await page.evaluate(() => document.querySelector('residency-lens-badge')?.parentElement?.localName)).toBe('html');
    await page.close();
  });

  it('gives keyboard focus back to where it was after the badge is dismissed', async () => {
    const page = await open('/focus', { width: 1000, height: 700 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.keyboard.press('Tab'); // the badge
    await page.keyboard.press('Tab'); // its close button
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('residency-lens-badge') === null);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.close();
  });

  it('"Show again" in Settings keeps focus in the list; "Clear history" asks before deleting', async () => {
    // The dismissal above left tiktok.com in the exceptions; add one more, and some history.
    await ext.worker.evaluate(async () => {
      for (let i = 0; i < 100; i += 1) {
        const { settings } = await chrome.storage.sync.get('settings');
        if ((settings as { siteExceptions?: string[] } | undefined)?.siteExceptions?.includes('tiktok.com')) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings as object), siteExceptions: ['example.org', 'tiktok.com'], history: true } });
      await chrome.storage.local.set({ history: [{ day: new Date().toISOString().slice(0, 10), platformId: 'tiktok', visits: 2 }] });
    });
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    const first = options.getByRole('button', { name: 'Show the badge again on example.org' });
    await first.focus();
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Show the badge again on example.org' }).waitFor({ state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Show the badge again on tiktok.com');
    await options.keyboard.press('Enter');
    await options.getByRole('button', { name: 'Show the badge again on tiktok.com' }).waitFor({ state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('None. Hide the badge on a site with its × button.');

    const stored = () => ext.worker.evaluate(async () => (await chrome.storage.local.get('history')).history);
    await options.getByRole('button', { name: 'Clear history' }).click();
    expect(await stored()).toHaveLength(1);
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await options.getByRole('button', { name: 'Keep it' }).click();
    expect(await stored()).toHaveLength(1);
    await options.getByRole('button', { name: 'Clear history' }).click();
    await options.getByRole('button', { name: 'Delete history' }).click();
    await options.getByRole('status').filter({ hasText: 'History deleted.' }).waitFor({ state: 'attached' });
    expect(await stored()).toBeUndefined();
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Clear history');
    await ext.worker.evaluate(() => chrome.storage.sync.remove('settings'));
    await options.close();
  });
});
