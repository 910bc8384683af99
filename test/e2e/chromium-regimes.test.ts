/**
 * The legal frame follows the region setting on every surface of the built extension in Chromium (issues 9.3 and
 * 13): for each region, the TikTok popup's headline, the toolbar tooltip and the in-page card use that region's
 * regime sentence and none of another's; for a user in the US, China is a country of concern and nothing speaks
 * of EU adequacy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisclosure } from '../../src/core/disclosure/build-disclosure.ts';
import { frame } from '../../src/core/disclosure/framing.ts';
import { createFormatters } from '../../src/core/format.ts';
import { REGIONS, type Region } from '../../src/core/settings/settings.ts';
import { realDataset } from '../unit/helpers.ts';
import { badgeText, launchChromium, tabIdOf, toolbarBadge, type ExtensionBrowser } from './support/chromium.ts';
import { html, startHttpsServer, type TestServer } from './support/https-server.ts';

const HOSTS = ['*.tiktok.com', 'tiktok.com', 'gemini.google.com'];
const URL = 'https://www.tiktok.com/';
const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const t = (key: string, subs: string[] = []) => (messages[key]?.message ?? '').replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');

/**
 * The fixed words of the sentence each region's regime says about TikTok (its flag or its rule), without the
 * country list: country names come from the browser's Intl, which may name a country differently from Node's.
 */
function regimeWords(region: Region): string | undefined {
  if (region === 'other') return undefined;
  const dataset = realDataset();
  const d = buildDisclosure(dataset, dataset.platforms.find((p) => p.id === 'tiktok')!);
  const key = frame(d, region, t, createFormatters('en')).flagged.length > 0 ? `regime_${region}_flag` : `regime_${region}_rule`;
  return messages[key]!.message.split(/\$\d/).sort((a, b) => b.length - a.length)[0]!.trim();
}
const WORDS = Object.fromEntries(REGIONS.map((r) => [r, regimeWords(r)])) as Record<Region, string | undefined>;

let server: TestServer;
let ext: ExtensionBrowser;
let page: Page;
let tabId: number;
beforeAll(async () => {
  server = await startHttpsServer((host) => html(host.endsWith('tiktok.com') ? 'TikTok' : 'Gemini'));
  ext = await launchChromium({ port: server.port, hosts: HOSTS });
  page = await ext.context.newPage();
  await page.goto(URL);
  tabId = await tabIdOf(ext, `${URL}*`);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function setRegion(region: Region): Promise<void> {
  await ext.worker.evaluate(async (value) => {
    await chrome.storage.sync.set({ settings: { version: 1, region: value } });
  }, region);
}

/** Polls `read` until `ok` holds for its value (the background republishes after a settings change). */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + 15_000;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  if (!ok(value)) throw new Error(`${what}: ${JSON.stringify(value)}`);
  return value;
}

async function popupHeadline(): Promise<string> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${tabId}`);
  const headline = await popup.locator('.headline').innerText();
  const all = await popup.locator('body').innerText();
  await popup.close();
  return `${headline}\n${all}`;
}

const others = (region: Region) => REGIONS.filter((r) => r !== region).flatMap((r) => (WORDS[r] ? [WORDS[r]!] : []));

describe('Chromium: one regime on every surface', () => {
  it.each([...REGIONS])('%s', { timeout: 60_000 }, async (region) => {
    await setRegion(region);
    const own = WORDS[region];
    const matches = (text: string | undefined) => text !== undefined && (own === undefined ? !others(region).some((w) => text.includes(w)) : text.includes(own));
    const tooltip = (await eventually(() => toolbarBadge(ext, tabId), (b) => matches(b.title), `${region} tooltip`)).title;
    // The card asks the background for its headline when a person opens it (the badge is the first thing to focus).
    const card = await eventually(
      async () => {
        await page.reload();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const end = Date.now() + 5_000;
        let text = await badgeText(page);
        while (!matches(text) && Date.now() < end) text = await badgeText(page);
        return text;
      },
      matches,
      `${region} in-page card`,
    );
    const popup = await popupHeadline();
    for (const [surface, text] of Object.entries({ tooltip, card, popup })) {
      if (own) expect(text, `${surface} of ${region}`).toContain(own);
      for (const words of others(region)) expect(text, `${surface} of ${region} uses another regime: ${words}`).not.toContain(words);
    }
    if (region === 'us') {
      for (const text of [tooltip, card, popup]) {
        expect(text).toMatch(/countries of concern/);
        expect(text).not.toMatch(/EU adequacy|adequacy decision/i);
      }
      expect(popup).toMatch(/China/);
    }
  });
});

describe('Chromium: the headline of a platform whose data is only processed abroad', () => {
  it('is one plain sentence with a subject (not "It is also processed in ...")', { timeout: 60_000 }, async () => {
    await setRegion('eu');
    const gemini = await ext.context.newPage();
    await gemini.goto('https://gemini.google.com/');
    const id = await tabIdOf(ext, 'https://gemini.google.com/*');
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${id}`);
    const headline = await popup.locator('.headline').innerText();
    expect(headline).toMatch(/^Countries where Google Gemini processes user data: [^.]+\.$/);
    expect(headline).not.toMatch(/\balso\b/);
    await popup.close();
    await gemini.close();
  });
});
