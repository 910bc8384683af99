// One linter for the whole repo. Rules here encode the project's promises: no HTML strings into the DOM, no
// eval, no `chrome.*` (webextension-polyfill's `browser.*` only, behind src/browser/), and a pure core.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unsafeDom = [
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Build DOM with createElement/textContent: no HTML strings (Trusted Types, XSS).' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML strings into the DOM.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
  { selector: "CallExpression[callee.name=/^set(Timeout|Interval)$/][arguments.0.type='Literal']", message: 'No code from strings.' },
];

// src/ holds what ships and the tools that build it; benchmarks and harnesses live in test/.
const testImports = { group: ['**/test/**'], message: 'src/ must not depend on test/: move the code there (benchmarks are in test/bench/).' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'artifacts/', 'test-results/', 'data/schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...unsafeDom],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use browser.* through src/browser/extension-api.ts.' }],
      'no-restricted-imports': ['error', {
        paths: [{ name: 'webextension-polyfill', importNames: ['default'], message: 'Only src/browser/ talks to the browser API.' }],
        // src/ holds what ships and the tools that build it; benchmarks and harnesses live in test/.
        patterns: [testImports],
      }],
    },
  },
  {
    files: ['src/browser/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testImports] }] },
  },
  {
    // The headless `npm start` drives the browser from Node as the tests do: `chrome` appears only inside code it
    // evaluates in the extension's worker.
    files: ['src/cli/start/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // The core runs in Node, tests, benchmarks and the CLI: no browser API, no DOM framework, no contexts.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        testImports,
        { group: ['webextension-polyfill', 'preact', 'preact/*', '**/browser/**', '**/background/**', '**/content/**', '**/popup/**', '**/options/**', 'node:*'], message: 'src/core is pure: it takes its data as arguments.' },
      ] }],
    },
  },
);
