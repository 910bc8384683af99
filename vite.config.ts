/**
 * Two builds from one manifest: `vite build` -> dist/chrome (service worker), `vite build --mode firefox` ->
 * dist/firefox (event page). The per-browser differences and the platform match patterns (from the compiled
 * dataset) are a small patch on top of manifest.json.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { contentScriptMatches } from './src/core/manifest/match-patterns.ts';
import type { CompiledDataset } from './src/core/dataset/compile.ts';
import { badgeScripts, commonData, hostIndex, platformSlice, sliceFile } from './src/core/dataset/split.ts';
import { BADGE_SCRIPTS_FILE, badgeTexts, cornerFile, cornerScript, regionFile, regionScript, tableFile, tableScript, textFile, textScript, type BadgeScriptsFile } from './src/core/content-data.ts';
import { BADGE_CORNERS, REGIONS } from './src/core/settings/settings.ts';

const root = import.meta.dirname;

function compiledDataset(): CompiledDataset {
  return JSON.parse(readFileSync(join(root, 'src/generated/dataset.json'), 'utf8')) as CompiledDataset;
}

/**
 * `allSitesGranted` is for one test build only (dist/chrome-all-sites): Chromium's prompt for an optional
 * permission cannot be scripted, so the third-party test loads a build where access to all sites is granted at
 * install. Everything else is the same build.
 */
export function manifestFor(browser: 'chrome' | 'firefox', dataset: CompiledDataset, allSitesGranted = false) {
  const matches = contentScriptMatches(dataset);
  // No content_scripts: the in-page badge's scripts are registered by the background (see datasetParts).
  const manifest = {
    ...baseManifest,
    host_permissions: allSitesGranted ? [...matches, '<all_urls>'] : matches,
  };
  if (browser === 'chrome') {
    return { ...manifest, background: { service_worker: 'src/background/index.ts', type: 'module' }, minimum_chrome_version: '120' };
  }
  return {
    ...manifest,
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'residency-lens@residency-lens.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/** Two test projects: unit (Node and happy-dom, fast) and e2e (real browsers, one file at a time). */
const testConfig = {
  projects: [
    {
      plugins: [preact()],
      // Property tests run thousands of cases: on a loaded 2-core machine the 5 s default is a flake, not a finding.
      test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
    },
    {
      test: {
        name: 'e2e',
        include: ['test/e2e/**/*.test.ts'],
        environment: 'node',
        testTimeout: 120_000,
        hookTimeout: 120_000,
        fileParallelism: false,
      },
    },
  ],
};

/**
 * @crxjs lists scripts imported with `?script` as web-accessible, which would let any site fetch the file and so
 * detect the extension. Content scripts registered with scripting.registerContentScripts need no such entry, so
 * the built manifest drops it.
 */
function noWebAccessibleResources(outDir: string): Plugin {
  return {
    name: 'residency-lens-no-web-accessible-resources',
    enforce: 'post',
    closeBundle() {
      const path = resolve(root, outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      delete manifest.web_accessible_resources;
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * The compiled dataset cut into what each context loads (src/core/dataset/split.ts): the host index and the common
 * part as modules (emitted as JSON.parse of a string, which V8 parses faster than an object literal), each
 * platform's slice as a file loaded on demand, and the in-page badge's small registered files (region, corner, and
 * the host table part of each platform host) with the list the background registers them from.
 */
function datasetParts(dataset: CompiledDataset): Plugin {
  const index = hostIndex(dataset);
  const modules: Record<string, unknown> = {
    'virtual:residency-lens/host-index': index,
    'virtual:residency-lens/common': commonData(dataset),
  };
  const asModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
  return {
    name: 'residency-lens-dataset-parts',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') && id.slice(1) in modules ? asModule(modules[id.slice(1)]) : undefined),
    generateBundle() {
      const emit = (fileName: string, source: string) => this.emitFile({ type: 'asset', fileName, source });
      for (const platform of dataset.platforms) emit(sliceFile(platform.id), JSON.stringify(platformSlice(dataset, platform)));
      const scripts = badgeScripts(dataset);
      for (const script of scripts) emit(tableFile(script.host), tableScript(script.table));
      // The badge's texts per locale: its messages and the names of every country a badge may name.
      const countries = [...new Set(index.platforms.flatMap((p) => p.countries))];
      const locales = readdirSync(resolve(root, 'src/_locales')).sort();
      for (const locale of locales) {
        const messages = JSON.parse(readFileSync(resolve(root, 'src/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
        emit(textFile(locale), textScript(badgeTexts(messages, locale, countries)));
      }
      const list: BadgeScriptsFile = { scripts: scripts.map(({ host, matches, excludeMatches }) => ({ host, matches, excludeMatches })), locales, defaultLocale: baseManifest.default_locale };
      emit(BADGE_SCRIPTS_FILE, JSON.stringify(list));
      for (const region of REGIONS) emit(regionFile(region), regionScript(region));
      for (const corner of BADGE_CORNERS) emit(cornerFile(corner), cornerScript(corner));
    },
  };
}

/** Copies src/_locales into the build (the manifest and browser.i18n read it from the extension root). */
function locales(): Plugin {
  return {
    name: 'residency-lens-locales',
    generateBundle() {
      const dir = resolve(root, 'src/_locales');
      for (const locale of readdirSync(dir)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${locale}/messages.json`,
          source: readFileSync(join(dir, locale, 'messages.json')),
        });
      }
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const allSitesGranted = mode === 'chrome-all-sites';
  if (command !== 'build') return { plugins: [preact()], test: testConfig };
  const outDir = allSitesGranted ? 'dist/chrome-all-sites' : `dist/${browser}`;
  const dataset = compiledDataset();
  return {
    // Large JSON (the dataset, the IP table) is emitted as JSON.parse('...'), which V8 parses faster than the same
    // data as an object literal: it shortens the popup's start.
    json: { stringify: true },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // The popup's and the options page's modules are announced in their HTML, so they load side by side instead of
      // one import level after another (no polyfill: the extension's CSP allows no inline script).
      modulePreload: { polyfill: false },
      // The bundled dataset and the IP-to-country table are large by design (no network, ever).
      chunkSizeWarningLimit: 1500,
    },
    plugins: [
      preact(),
      locales(),
      datasetParts(dataset),
      crx({
        manifest: manifestFor(browser, dataset, allSitesGranted) as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: ['src/content/in-page-badge.ts', 'src/content/links.ts'] },
      }),
      noWebAccessibleResources(outDir),
    ],
  };
});
