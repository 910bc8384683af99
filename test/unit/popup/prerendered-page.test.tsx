// @vitest-environment happy-dom
/**
 * A platform's own popup page (src/core/popup-pages.ts) has the platform's heading in its HTML. The popup then
 * renders into it: the heading must be the same element afterwards (nothing is replaced, so nothing moves), and a
 * page opened for a tab that has since left the platform must show the tab's state, not the stale heading.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessRequest } from '../../../src/core/disclosure/access-request.ts';
import { platformPopupPage, POPUP_PAGE, prerenderedPopup } from '../../../src/core/popup-pages.ts';
import { createFormatters } from '../../../src/core/format.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings.ts';
import { Popup, type PopupProps } from '../../../src/popup/Popup.tsx';
import { popupContext, popupState } from '../../../src/popup/popup-state.ts';
import { compileFixture } from '../fixtures.ts';
import { translator } from '../translator.ts';

const t = translator('en');
const f = createFormatters('en');
const dataset = compileFixture();
const HTML = '<!doctype html><html><head><style>h1{}</style></head><body><main id="app"></main><p id="status"></p></body></html>';

const actions: PopupProps['actions'] = { copy: vi.fn(), summaryMarkdown: vi.fn(() => ''), accessRequest: (d) => accessRequest(d, 'eu', t), openOptions: vi.fn(), enable: vi.fn(), grantAllSites: vi.fn() };

function drawInto(app: HTMLElement, url: string) {
  const state = popupState(dataset, DEFAULT_SETTINGS, url);
  const context = popupContext(dataset, DEFAULT_SETTINGS, 'en-IE', '2026-01-15', 'https://example.org/issues/new');
  render(<Popup state={state} context={context} thirdParties={{ observing: true, platforms: [] }} t={t} f={f} actions={actions} />, app);
}

/** The body of a pre-rendered page, as the browser parses it. */
function openPage(name: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(prerenderedPopup(HTML, name), 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document.getElementById('app')!;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('a platform\'s own popup page', () => {
  it('is the generic page with the heading in its mount point, the name escaped', () => {
    expect(prerenderedPopup(HTML, 'A & B <C> "D"')).toBe(HTML.replace('<main id="app"></main>', '<main id="app"><header><h1>A &amp; B &lt;C&gt; &quot;D&quot;</h1></header></main>'));
    expect(() => prerenderedPopup('<body></body>', 'X')).toThrow(/one <main id="app"><\/main>/);
    expect(platformPopupPage('tiktok')).toBe('src/popup/platform/tiktok.html');
    expect(POPUP_PAGE).toBe('src/popup/index.html');
  });

  it('keeps its heading element when the popup renders into it: one header, one h1, the same node', () => {
    const app = openPage('TikTok');
    const heading = app.querySelector('h1')!;
    drawInto(app, 'https://www.tiktok.com/');
    expect(app.querySelectorAll('h1')).toHaveLength(1);
    expect(app.querySelectorAll('header')).toHaveLength(1);
    expect(app.querySelector('h1')).toBe(heading);
    expect(heading.textContent).toBe('TikTok');
    // The rest of the popup came after the heading, not before it.
    expect(app.firstElementChild?.tagName).toBe('HEADER');
    expect(app.querySelector('header')!.firstElementChild).toBe(heading);
    expect(app.querySelector('.headline')?.textContent).toMatch(/TikTok/);
  });

  it('shows what the tab is on now when it was opened for a tab that has left the platform', () => {
    const app = openPage('TikTok');
    drawInto(app, 'https://news.example-news.com/');
    expect(app.querySelectorAll('h1')).toHaveLength(1);
    expect(app.querySelector('h1')!.textContent).toBe('news.example-news.com');
    expect(app.textContent).not.toMatch(/TikTok/);
  });
});
