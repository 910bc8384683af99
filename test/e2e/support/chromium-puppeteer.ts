/**
 * Debian's Chromium driven by puppeteer-core, for the one thing Playwright cannot do: prerendering. Playwright
 * attaches to pages as page targets, and Chromium turns prerendering off while such a session is attached
 * (PrerenderingDisabledByDevTools); puppeteer attaches through tab targets, which leave it on. Same flags as
 * launchChromium, same loopback mapping.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { CHROME_DIST, CHROMIUM_ARGS } from './chromium.ts';

export type PuppeteerExtension = { browser: Browser; worker: WebWorker; extensionId: string };

export async function launchChromiumPuppeteer(opts: { port: number; hosts: string[]; dist?: string }): Promise<PuppeteerExtension> {
  const dist = opts.dist ?? CHROME_DIST;
  const rules = opts.hosts.map((h) => `MAP ${h} 127.0.0.1:${opts.port}`).join(', ');
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    pipe: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'rl-chromium-pptr-')),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors', `--host-resolver-rules=${rules}, EXCLUDE localhost`, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith('/service-worker-loader.js'), { timeout: 30_000 });
  const worker = (await target.worker())!;
  const extensionId = new URL(target.url()).host;
  // Puppeteer may see the worker before its extension bindings exist: wait for them.
  const end = Date.now() + 10_000;
  while (!(await worker.evaluate(() => typeof chrome !== 'undefined' && chrome.scripting !== undefined).catch(() => false)) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // As launchChromium: the badge's scripts are registered once the background has started.
  await worker.evaluate(async () => {
    const end = Date.now() + 10_000;
    while (Date.now() < end && (await chrome.scripting.getRegisteredContentScripts()).length === 0) await new Promise((r) => setTimeout(r, 50));
  });
  return { browser, worker, extensionId };
}
