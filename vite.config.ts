/**
 * Two builds from one manifest: `vite build` -> dist/chrome (service worker), `vite build --mode firefox` ->
 * dist/firefox (event page). The per-browser differences and the platform match patterns (from the compiled
 * dataset) are a small patch on top of manifest.json.
 */
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build as viteBuild, defineConfig, type Plugin, type Rollup } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { contentScriptMatches } from './src/core/manifest/match-patterns.ts';
import type { CompiledDataset } from './src/core/dataset/compile.ts';
import { badgeGroups, commonData, HOST_INDEX_FILE, hostIndex, platformSlice, sliceFile } from './src/core/dataset/split.ts';
import { BADGE_SCRIPTS_FILE, badgeTexts, cornerFile, cornerScript, groupFile, hideFile, hideScript, regionFile, regionScript, tableScript, textFile, textScript, type BadgeScriptsFile } from './src/core/content-data.ts';
import { BADGE_CORNERS, REGIONS } from './src/core/settings/settings.ts';
import { packageDirOf, packageInfo } from './src/cli/third-party/package-info.ts';
import { thirdPartyNotices, type EmbeddedData } from './src/cli/third-party/notices.ts';
import { IP_COUNTRY_FILE } from './src/core/ip-country/format.ts';
import { platformPopupPage, POPUP_PAGE, prerenderedPopup } from './src/core/popup-pages.ts';

const root = import.meta.dirname;
/**
 * Where data:compile wrote its output, and where the build goes: src/generated and dist/<browser> unless the
 * benchmark builds against another dataset (RESIDENCY_LENS_GENERATED, RESIDENCY_LENS_OUT_DIR; test/bench/build-dist.ts).
 */
const generated = process.env.RESIDENCY_LENS_GENERATED ?? join(root, 'src/generated');

function compiledDataset(): CompiledDataset {
  return JSON.parse(readFileSync(join(generated, 'dataset.json'), 'utf8')) as CompiledDataset;
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
 * platform's slice as a file loaded on demand, and the in-page badge's small registered files (region, corner, texts
 * per locale, a group's part of the host table, and a marker per platform host for hiding the badge there) with the list the background registers them from.
 */
function datasetParts(dataset: CompiledDataset): Plugin {
  const index = hostIndex(dataset);
  return {
    ...datasetModules(dataset),
    name: 'residency-lens-dataset-parts',
    generateBundle() {
      const emit = (fileName: string, source: string) => this.emitFile({ type: 'asset', fileName, source });
      for (const platform of dataset.platforms) emit(sliceFile(platform.id), JSON.stringify(platformSlice(dataset, platform)));
      emit(HOST_INDEX_FILE, JSON.stringify(index));
      const groups = badgeGroups(dataset);
      for (const group of groups) {
        emit(groupFile(group.id), tableScript(group.table));
        for (const host of group.hosts) emit(hideFile(host), hideScript(host));
      }
      // The badge's texts for every _locales folder (a folder added later needs nothing else): its messages and the
      // names of every country a badge may name, in that folder's language.
      const countries = [...new Set(index.platforms.flatMap((p) => p.countries))];
      const locales = readdirSync(resolve(root, 'src/_locales')).sort();
      for (const locale of locales) {
        const messages = JSON.parse(readFileSync(resolve(root, 'src/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
        emit(textFile(locale), textScript(badgeTexts(messages, locale, countries)));
      }
      const list: BadgeScriptsFile = { groups: groups.map(({ id, roots, hosts }) => ({ id, roots, hosts })), locales, defaultLocale: baseManifest.default_locale };
      emit(BADGE_SCRIPTS_FILE, JSON.stringify(list));
      for (const region of REGIONS) emit(regionFile(region), regionScript(region));
      for (const corner of BADGE_CORNERS) emit(cornerFile(corner), cornerScript(corner));
    },
  };
}

/** The host index and the dataset's common part as modules (for the main build and the popup's own build). */
function datasetModules(dataset: CompiledDataset): Plugin {
  const modules: Record<string, unknown> = {
    'virtual:residency-lens/host-index': hostIndex(dataset),
    'virtual:residency-lens/common': commonData(dataset),
  };
  const asModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`;
  return {
    name: 'residency-lens-dataset-modules',
    resolveId: (id) => (id in modules ? `\0${id}` : undefined),
    load: (id) => (id.startsWith('\0') && id.slice(1) in modules ? asModule(modules[id.slice(1)]) : undefined),
  };
}

/**
 * The popup as one script file and its HTML with its styles inlined, built on its own (issue #12 goal 2). Each
 * file an extension page loads is a round through the browser process, 100 to 600 ms on a loaded machine; as one
 * more page of the main build, the popup shared chunks with the options page and the background (preact, the
 * protocol, the extension API), six module files and a style sheet before its first paint. Built apart, it is the
 * HTML and one script; only the fallback look-up it needs when the background cannot answer stays a file of its
 * own, loaded on that path alone. An inline <style> is allowed by the extension pages' CSP (it limits scripts),
 * in Chromium and Firefox. @crxjs does not see the popup (the manifest it gets has no `default_popup`; the built
 * manifest gets it back in popupInManifest), so it neither builds nor splits it. Each platform also gets a copy of
 * the HTML with its name already in the heading, which the background sets as its tabs' popup.
 */
function popupPage(dataset: CompiledDataset): Plugin & { packages: Set<string> } {
  const packages = new Set<string>();
  let files: Array<{ fileName: string; source: string }> = [];
  return {
    name: 'residency-lens-popup-page',
    packages,
    async buildStart() {
      const result = (await viteBuild({
        configFile: false,
        root,
        logLevel: 'warn',
        resolve: { alias: [{ find: /^(\.\.\/)+generated\//, replacement: `${generated}/` }] },
        json: { stringify: true },
        plugins: [preact(), datasetModules(dataset)],
        build: {
          write: false,
          target: 'es2022',
          minify: true,
          sourcemap: false,
          cssCodeSplit: false,
          modulePreload: false,
          rollupOptions: {
            input: resolve(root, POPUP_PAGE),
            output: { entryFileNames: 'assets/popup-[hash].js', chunkFileNames: 'assets/popup-[name]-[hash].js', assetFileNames: 'assets/popup-[hash][extname]' },
          },
        },
      })) as Rollup.RollupOutput | Rollup.RollupOutput[];
      const output = [result].flat().flatMap((r) => r.output);
      const styles = output.filter((o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css'));
      const inline = (html: string) =>
        html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g, (_, href: string) => {
          const css = styles.find((s) => s.fileName === href);
          if (!css) throw new Error(`popup: no style sheet ${href} in its build`);
          return `<style>${String(css.source).trim()}</style>`;
        });
      files = output.flatMap((o) => {
        if (o.type === 'chunk') {
          for (const id of Object.keys(o.modules)) {
            const dir = packageOfModule(id);
            if (dir) packages.add(dir);
          }
          return [{ fileName: o.fileName, source: o.code }];
        }
        if (styles.includes(o)) return [];
        return [{ fileName: o.fileName, source: o.fileName === POPUP_PAGE ? inline(String(o.source)) : String(o.source) }];
      });
      const page = files.find((f) => f.fileName === POPUP_PAGE);
      if (!page) throw new Error(`popup: its build made no ${POPUP_PAGE}`);
      // Each platform's own copy of the page, its heading in the HTML (src/core/popup-pages.ts).
      for (const platform of dataset.platforms) files.push({ fileName: platformPopupPage(platform.id), source: prerenderedPopup(page.source, platform.name) });
    },
    generateBundle() {
      for (const { fileName, source } of files) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

/** The popup back into the built manifest (see popupPage). */
function popupInManifest(outDir: string): Plugin {
  return {
    name: 'residency-lens-popup-in-manifest',
    enforce: 'post',
    closeBundle() {
      const path = resolve(root, outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { action: Record<string, unknown> };
      manifest.action = { ...manifest.action, default_popup: POPUP_PAGE };
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * Copies src/_locales into the build (the manifest and browser.i18n read it from the extension root), each file
 * with one more message, `messagesLocale`, naming its own folder: asked for at run time, it tells which locale the
 * browser actually took the messages from, so Intl formats in that language (see formatLocale()). A locale
 * folder added later needs nothing else.
 */
function locales(): Plugin {
  return {
    name: 'residency-lens-locales',
    generateBundle() {
      const dir = resolve(root, 'src/_locales');
      for (const locale of readdirSync(dir)) {
        const messages = JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, unknown>;
        messages.messagesLocale = { message: locale, description: 'Added by the build: the locale of these messages.' };
        this.emitFile({ type: 'asset', fileName: `_locales/${locale}/messages.json`, source: `${JSON.stringify(messages, null, 2)}\n` });
      }
    },
  };
}

const packageOfModule = (id: string) => (id.startsWith('\0') ? undefined : packageDirOf(id.replace(/\?.*$/, '')));

/**
 * The packages a standalone content script bundles. @crxjs builds those in a build of their own without this
 * config's plugins, so their module graph is read from one more in-memory build of each.
 */
async function standalonePackages(files: string[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const file of files) {
    const result = (await viteBuild({
      configFile: false,
      logLevel: 'silent',
      root,
      resolve: { alias: [{ find: /^(\.\.\/)+generated\//, replacement: `${generated}/` }] },
      build: { write: false, minify: false, lib: { entry: resolve(root, file), formats: ['es'], fileName: 'scan' } },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    for (const output of [result].flat().flatMap((r) => r.output)) {
      if (output.type === 'chunk') dirs.push(...Object.keys(output.modules).flatMap((id) => packageOfModule(id) ?? []));
    }
  }
  return dirs;
}

/**
 * THIRD_PARTY_NOTICES.txt in every build, generated from the packages themselves: each package with a module in
 * the bundle (from the module graph of this build and of the standalone content scripts) and each package whose
 * data the compile step embedded (src/generated/embedded-data.json). See src/cli/third-party/.
 */
function notices(standaloneFiles: string[], alsoBundled: Set<string>): Plugin {
  const dirs = new Set<string>();
  return {
    name: 'residency-lens-third-party-notices',
    enforce: 'post',
    moduleParsed(info) {
      const dir = packageOfModule(info.id);
      if (dir) dirs.add(dir);
    },
    async generateBundle() {
      for (const dir of await standalonePackages(standaloneFiles)) dirs.add(dir);
      for (const dir of alsoBundled) dirs.add(dir);
      const embedded = JSON.parse(readFileSync(join(generated, 'embedded-data.json'), 'utf8')) as EmbeddedData[];
      const require = createRequire(join(root, 'package.json'));
      const data = embedded.map((d) => {
        const dir = packageDirOf(require.resolve(d.module));
        if (!dir || !existsSync(dir)) throw new Error(`third-party notices: no package for ${d.module}`);
        return { ...d, from: packageInfo(dir) };
      });
      const { name, version } = baseManifest;
      const product = { name: name.startsWith('__MSG_') ? baseManifest.short_name : name, version };
      this.emitFile({ type: 'asset', fileName: 'THIRD_PARTY_NOTICES.txt', source: thirdPartyNotices(product, [...dirs].sort().map(packageInfo), data) });
    },
  };
}

/**
 * The server-location table (src/generated/ip-country.bin, written by data:compile) as a file of the extension:
 * the background reads it on first use instead of carrying it in its code.
 */
function ipCountryData(): Plugin {
  return {
    name: 'residency-lens-ip-country',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: IP_COUNTRY_FILE, source: readFileSync(join(generated, 'ip-country.bin')) });
    },
  };
}

const STANDALONE_CONTENT_SCRIPTS = ['src/content/in-page-badge.ts', 'src/content/badge-api.ts', 'src/content/links.ts'];

export default defineConfig(({ command, mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const allSitesGranted = mode === 'chrome-all-sites';
  if (command !== 'build') return { plugins: [preact()], test: testConfig };
  // A build is a production build whatever NODE_ENV the shell has (vitest sets "test", some CI "development"):
  // otherwise JSX compiles in development mode, with source file paths and line numbers in the shipped code.
  process.env.NODE_ENV = 'production';
  const dataset = compiledDataset();
  const outDir = process.env.RESIDENCY_LENS_OUT_DIR ?? (allSitesGranted ? 'dist/chrome-all-sites' : `dist/${browser}`);
  const popup = popupPage(dataset);
  const { default_popup: _popup, ...action } = manifestFor(browser, dataset, allSitesGranted).action;
  return {
    // The app's imports of src/generated/* follow RESIDENCY_LENS_GENERATED.
    resolve: { alias: [{ find: /^(\.\.\/)+generated\//, replacement: `${generated}/` }] },
    // Large JSON (the dataset) is emitted as JSON.parse('...'), which V8 parses faster than the same
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
      // The bundled host index is large by design (no network, ever).
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        output: {
          // The background's file is named without a hash: @crxjs puts an id made from the absolute path of the
          // link-marker script into it before hashing, so its hash would change with the folder the build runs
          // in, and a reviewer rebuilding from the source archive would not get the same zip.
          chunkFileNames: (chunk) => (chunk.facadeModuleId?.endsWith('/src/background/index.ts') ? 'assets/background.js' : 'assets/[name]-[hash].js'),
        },
      },
    },
    plugins: [
      preact(),
      locales(),
      datasetParts(dataset),
      ipCountryData(),
      popup,
      crx({
        manifest: { ...manifestFor(browser, dataset, allSitesGranted), action } as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: STANDALONE_CONTENT_SCRIPTS },
      }),
      noWebAccessibleResources(outDir),
      popupInManifest(outDir),
      notices(STANDALONE_CONTENT_SCRIPTS, popup.packages),
    ],
  };
});
