/**
 * Every locale we ship beyond English, German and French, in a real Chromium started in that language: the popup
 * and the options page come up in the locale's own messages, with country names and dates formatted for it (not
 * English, not the browser's default), and axe-core finds no violations in either; the in-page badge is in the
 * locale too. With SCREENSHOTS set, the popup is photographed in Spanish and in Brazilian Portuguese for the README.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, launchChromium, tabIdOf, waitForBadge, type ExtensionBrowser } from './support/chromium.ts';
import { axeViolations } from './support/axe.ts';
import { displayLocale } from '../../src/core/i18n/display-locale.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

const SCREENSHOTS = process.env.SCREENSHOTS;
const PHOTOGRAPHED = ['es', 'pt_BR'];
const HOSTS = ['*.tiktok.com', 'tiktok.com'];
const LOCALES_DIR = join(import.meta.dirname, '../../src/_locales');
/** The locales checked here: every folder but the three the other browser tests already cover. */
const LOCALES = readdirSync(LOCALES_DIR)
  .filter((l) => !['en', 'de', 'fr'].includes(l))
  .sort();

type Messages = Record<string, { message: string }>;
const messagesOf = (folder: string) => JSON.parse(readFileSync(join(LOCALES_DIR, folder, 'messages.json'), 'utf8')) as Messages;
const en = messagesOf('en');

/**
 * The page's language is the messages' locale, or the browser's regional form of it (Chromium 150 started with
 * --lang=es reports es-ES, 156 reports es): what displayLocale decides from the UI language the page sees.
 */
async function expectDisplayLocale(page: Page, folder: string): Promise<void> {
  const tag = folder.replaceAll('_', '-');
  const [lang, ui] = await page.evaluate(() => [document.documentElement.lang, chrome.i18n.getUILanguage()]);
  expect(lang).toBe(displayLocale(ui!, folder));
  expect(lang === tag || lang!.startsWith(`${tag}-`), `${lang} is ${tag} or a regional form of it`).toBe(true);
}

let server: TestServer;
beforeAll(async () => {
  server = await startHttpsServer(() => html('TikTok'));
});
afterAll(async () => server?.close());

describe.each(LOCALES)('Chromium in %s', (folder) => {
  const tag = folder.replaceAll('_', '-');
  const messages = messagesOf(folder);
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchChromium({ port: server.port, hosts: HOSTS, locale: tag });
  });
  afterAll(async () => ext?.close());

  it('shows the TikTok popup in the locale, with its country names and dates, and axe finds nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    const tabId = await tabIdOf(ext, 'https://www.tiktok.com/');
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('h1').waitFor();

    await expectDisplayLocale(popup, folder);
    const text = await popup.locator('main').innerText();
    // Section titles come from this locale's messages, not English.
    for (const key of ['whoIsResponsible', 'whatYouCanDo']) {
      expect(text, key).toContain(messages[key]!.message);
      if (messages[key]!.message !== en[key]!.message) expect(text, key).not.toContain(en[key]!.message);
    }
    // Country names in the locale's own words (Chiny, Cina, ...), Ireland as the storage country.
    const countries = new Intl.DisplayNames([tag], { type: 'region' });
    expect(text).toContain(countries.of('CN')!);
    expect(text).toContain(countries.of('IE')!);
    // Dates as the locale writes them: each timeline date is the locale's own formatting of its datetime.
    await popup.locator('#actions').evaluate((section) => section.closest('details')?.setAttribute('open', ''));
    const times = await popup.locator('.timeline time').evaluateAll((els) => els.map((e) => ({ iso: e.getAttribute('datetime')!, shown: e.textContent!.trim() })));
    expect(times.length).toBeGreaterThan(0);
    // As format.ts writes them: day, month and year, or month and year for a month-precise date.
    const formats = (iso: string) => [
      new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)),
      new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`)),
    ];
    for (const { iso, shown } of times.slice(0, 5)) expect(formats(iso).some((written) => shown.includes(written)), `${iso} shown as ${shown}`).toBe(true);

    // Labels do not squeeze the values: in every fact list the value column keeps at least half the width.
    const columns = await popup.locator('dl.facts').evaluateAll((lists) =>
      lists.map((dl) => ({ list: dl.getBoundingClientRect().width, value: Math.min(...[...dl.querySelectorAll('dd')].map((dd) => dd.getBoundingClientRect().width)) })),
    );
    expect(columns.length).toBeGreaterThan(0);
    for (const { list, value } of columns) expect(value / list, `value column ${value} of ${list}`).toBeGreaterThanOrEqual(0.5);

    if (SCREENSHOTS && PHOTOGRAPHED.includes(folder)) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await popup.locator('details').evaluateAll((ds) => ds.forEach((d, i) => ((d as HTMLDetailsElement).open = i === 0)));
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-${folder}.png`), fullPage: true });
    }
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('draws the in-page badge in the locale: its words and country names from the texts file built for it', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://www.tiktok.com/');
    const text = (await waitForBadge(page)) ?? '';
    const countries = new Intl.DisplayNames([tag], { type: 'region' });
    expect(text).toContain(countries.of('IE')!);
    if (countries.of('IE') !== 'Ireland') expect(text).not.toContain('Ireland');
    // The card's words are drawn when the card first opens: open it from the keyboard (the badge is the page's
    // first focusable element).
    const more = messages.badgeMore!.message;
    expect(text).not.toContain(more);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 50 && !((await badgeText(page)) ?? '').includes(more); i += 1) await page.waitForTimeout(100);
    expect(await badgeText(page)).toContain(more);
    await page.close();
  });

  it('shows the options page in the locale, and axe finds nothing', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/src/options/index.html`);
    await options.locator('h1').waitFor();
    await expectDisplayLocale(options, folder);
    expect(await options.locator('h1').innerText()).toBe(messages.optionsTitle!.message);
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
