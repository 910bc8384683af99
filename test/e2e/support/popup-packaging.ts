/**
 * How the built popup is packaged (issue #12 goal 2), checked the same way in Chromium and Firefox: one script file
 * with its styles inline, so opening the popup costs one request for code and none for styles.
 */
import { expect } from 'vitest';

/** Any browser page the tests drive (Playwright's in Chromium, Puppeteer's in Firefox): both can evaluate a function. */
type EvaluatingPage = { evaluate<T>(fn: () => T): Promise<T> };

/**
 * Asserts that the open popup loads one script file (the hash the build adds to its name left out) and no style
 * sheet, and that the extension pages' CSP lets the inline styles apply: the popup's width and its theme's colours
 * come from them (popup.css), so styles the CSP blocked would show as another width and no --accent.
 */
export async function expectOneScriptWithInlineStyles(popup: EvaluatingPage): Promise<void> {
  expect(await popup.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')?.replace(/-[\w-]+\.js$/, '.js')),
    sheets: document.querySelectorAll('link[rel="stylesheet"]').length,
    width: getComputedStyle(document.body).width,
    accent: getComputedStyle(document.documentElement).getPropertyValue('--accent') !== '',
  }))).toEqual({ scripts: ['/assets/popup.js'], sheets: 0, width: '400px', accent: true });
}
