/**
 * Checks on the built extension (npm test builds before the unit tests): it can make no network request of its
 * own, asks for the approved permissions only, and exposes nothing to web pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { platformPopupPage, POPUP_PAGE, prerenderedPopup } from '../../../src/core/popup-pages.ts';

const DIST = join(import.meta.dirname, '../../../dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe.each(['chrome', 'firefox'])('dist/%s', (browser) => {
  const dir = join(DIST, browser);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const code = files(dir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));

  it('contains no network API but one fetch of its own files: no XMLHttpRequest, sendBeacon, WebSocket, EventSource or importScripts', () => {
    for (const api of ['XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'importScripts']) {
      expect(code.filter((c) => c.includes(api)).length, api).toBe(0);
    }
    // readOwnFile in src/browser/extension-api.ts: fetch(runtime.getURL(path)), for the IP table, the dataset's
    // per-platform slices and the badge scripts' list. The CSP below keeps even that fetch to the extension's own origin.
    // Once in the code the background and the options page share, once more in the popup's single file (it bundles
    // all it needs, see popupPage in vite.config.ts): every fetch is that one.
    const fetches = code.flatMap((c) => [...c.matchAll(/\bfetch\(/g)]);
    const ownFileFetches = code.flatMap((c) => [...c.matchAll(/\bfetch\([\w$.]+\.runtime\.getURL\([\w$]+\)\)/g)]);
    expect(fetches).toHaveLength(2);
    expect(ownFileFetches).toHaveLength(2);
    expect(code.filter((c) => c.includes('data/ip-country.bin'))).toHaveLength(1);
    expect(statSync(join(dir, 'data/ip-country.bin')).size).toBeGreaterThan(100_000);
  });

  it('loads the popup as its HTML and one script: no style sheet, no module it imports before its first paint', () => {
    // Each file is a round through the browser process before the popup can draw (issue #12 goal 2; popupPage in vite.config.ts).
    const html = readFileSync(join(dir, manifest.action.default_popup), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/\bsrc="\/assets\/popup-[\w-]+\.js"/);
    expect(html).not.toMatch(/<link\b[^>]*rel="(?:stylesheet|modulepreload)"/);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    const script = readFileSync(join(dir, scripts[0]!.match(/src="\/([^"]+)"/)![1]!), 'utf8');
    expect(script.match(/(?:^|[;}\s])import\s*[\w${},*\s]*from\s*["'`]|(?:^|[;}\s])import\s*["'`]/g) ?? []).toEqual([]);
  });

  it('has a popup page per platform: the generic page with the platform\'s name already in its heading, and nothing else changed', () => {
    // src/core/popup-pages.ts: the background sets it as the tab's popup, so the heading is painted with the HTML.
    const generic = readFileSync(join(dir, POPUP_PAGE), 'utf8');
    const platforms = (JSON.parse(readFileSync(join(dir, 'data/host-index.json'), 'utf8')) as { platforms: Array<{ id: string; name: string }> }).platforms;
    expect(platforms.length).toBeGreaterThan(50);
    for (const { id, name } of platforms) {
      const page = readFileSync(join(dir, platformPopupPage(id)), 'utf8');
      expect(page).toBe(prerenderedPopup(generic, name));
      const heading = page.match(/<main id="app"><header><h1>([^<]*)<\/h1><\/header><\/main>/)?.[1];
      expect(heading?.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'), id).toBe(name);
    }
  });

  it('draws the in-page badge from a script without the extension API; the API comes in a file after it, the polyfill on first use', () => {
    // Issue #12 goal 1: evaluating webextension-polyfill cost the page about 5 ms before the badge, and compiling it
    // with the badge's script about 0.5 ms. The badge's script holds no polyfill; the file the registration runs
    // after it (badge-api.js) holds it, evaluated only on first use. Each runs here in a context with no extension
    // API at all: the polyfill would throw at evaluation if it were evaluated with either.
    const badge = readFileSync(join(dir, 'src/content/in-page-badge.js'), 'utf8');
    const api = readFileSync(join(dir, 'src/content/badge-api.js'), 'utf8');
    expect(badge).not.toContain('This script should only be loaded in a browser extension');
    expect(api).toContain('This script should only be loaded in a browser extension');
    expect(() => runInContext(badge, createContext({ window: { top: null }, document: { documentElement: {} } }))).not.toThrow();
    const context = createContext({});
    expect(() => runInContext(api, context)).not.toThrow();
    expect(Object.keys((context as { residencyLens?: { api?: object } }).residencyLens?.api ?? {}).sort()).toEqual(['browserTexts', 'sendToBackground']);
  });

  it('allows connections from its pages to its own files only, and runs no remote code', () => {
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'self'; connect-src 'self'");
  });

  it('asks for the approved permissions only, all-sites access optional', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'webRequest', 'scripting']);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    expect(manifest.host_permissions.every((p: string) => /^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(p))).toBe(true);
  });

  it('exposes nothing to web pages and never runs in the page world', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    // Content scripts are registered at run time (scripting.registerContentScripts), in the isolated world, top frame only.
    expect(manifest.content_scripts).toBeUndefined();
    expect(code.filter((c) => /world\s*:\s*["'`]MAIN/.test(c) || /allFrames\s*:\s*(!0|true)/.test(c))).toEqual([]);
  });

  if (browser === 'firefox') {
    it('declares to Firefox that it collects no data', () => {
      expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
      expect(manifest.browser_specific_settings.gecko.id).toBe('residency-lens@residency-lens.org');
      expect(manifest.background.scripts).toBeDefined();
    });
  } else {
    it('runs its background as a service worker', () => {
      expect(manifest.background.service_worker).toBeDefined();
    });
  }
});
