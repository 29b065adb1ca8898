// ESLint flat config (eslint 10, typescript-eslint 8).
//
// - TypeScript in the folders that tsconfig.json includes (src, components, test, demo, manifest)
//   is linted with type information (recommendedTypeChecked).
// - Any other .ts file (outside tsconfig.json) gets the same rules without type information.
// - .js/.mjs/.cjs files get plain JavaScript rules: Node globals for tooling (scripts/, config
//   files at the root), browser globals elsewhere.
// - The security standard (no eval-like code, no HTML string sinks, no unsafeHTML & co.) applies
//   to every file, tests included.
// - The layers (docs/architecture.md): src/model/, src/store/ and components/ import only what
//   their layer may (lint/layers.mjs; test/lint/layers.test.mjs proves each rule on a fixture).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './lint/layers.mjs';

const typedFolders = ['src', 'components', 'entries', 'test', 'demo', 'manifest'];
const typedTs = typedFolders.map((dir) => `${dir}/**/*.{ts,tsx}`);
const allTs = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const allJs = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const nodeJs = ['*.js', '*.mjs', '*.cjs', 'scripts/**/*.{js,mjs,cjs}', '.ci/**/*.{js,mjs,cjs}', 'test/e2e/**/*.mjs', 'test/server/**/*.mjs', 'test/lint/**/*.mjs', 'lint/**/*.mjs', 'test/*.mjs'];

const htmlSinkMessage =
  'Security standard: no HTML string sinks. Build DOM with Lit templates, textContent or createElement.';
const unsafeDirectiveMessage =
  'Security standard: Lit unsafe* directives render unescaped markup. Use a normal template binding.';

const waitMessage =
  'Tests wait for what they mean, not for a time: use waitUntil from test/wait.ts, an event, or updateComplete.';

/** Rules of the project's security standard, for every file. */
const securityRules = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-script-url': 'error',
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: htmlSinkMessage },
    { property: 'outerHTML', message: htmlSinkMessage },
    { property: 'insertAdjacentHTML', message: htmlSinkMessage },
    { property: 'setHTMLUnsafe', message: htmlSinkMessage },
    { property: 'createContextualFragment', message: htmlSinkMessage },
    { object: 'document', property: 'write', message: htmlSinkMessage },
    { object: 'document', property: 'writeln', message: htmlSinkMessage },
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: unsafeDirectiveMessage },
        { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: unsafeDirectiveMessage },
      ],
      patterns: [
        {
          group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*', '@lit/*/unsafe-*'],
          message: unsafeDirectiveMessage,
        },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: 'CallExpression[callee.name=/^unsafe(HTML|SVG|MathML|Static)$/]',
      message: unsafeDirectiveMessage,
    },
    {
      selector:
        'CallExpression[callee.property.name=/^(write|writeln)$/][callee.object.property.name=/^(document|ownerDocument)$/]',
      message: htmlSinkMessage,
    },
  ],
};

/** Plain JavaScript rules shared by every file kind. */
const commonRules = {
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  'no-var': 'error',
  'prefer-const': 'error',
};

export default defineConfig([
  // test/lint/fixtures/ break the layer rules on purpose; test/lint/layers.test.mjs lints them.
  globalIgnores(['node_modules/', 'dist/', 'coverage/', '.cache/', '.tmp/', 'bench/results*', 'test/lint/fixtures/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },

  // Plain JavaScript.
  {
    files: allJs,
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      ...commonRules,
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } } },
  { files: nodeJs, languageOptions: { globals: { ...globals.node } } },

  // TypeScript, type-aware inside the tsconfig.json folders.
  {
    files: typedTs,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // TypeScript outside tsconfig.json: the same rules without type information.
  {
    files: allTs,
    ignores: typedTs,
    extends: [tseslint.configs.recommended],
  },
  {
    files: allTs,
    rules: {
      ...commonRules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'warn',
    },
  },
  {
    files: typedTs,
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      // `async firstUpdated()` and async listeners are common Lit code; promises that are created
      // and dropped are still caught by no-floating-promises.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, inheritedMethods: false } },
      ],
      // Lit calls `@event=${this.method}` listeners with `this` bound to the host element, which
      // this rule cannot see: it would flag the idiomatic way to write event bindings.
      '@typescript-eslint/unbound-method': 'off',
      // `reject(signal.reason)` / `throw signal.reason` (typed any) is the idiom for AbortSignal.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },

  // Lit and web components, everywhere.
  {
    files: [...allTs, ...allJs],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },

  // Security standard, everywhere (after the presets so that nothing turns it off).
  { files: [...allTs, ...allJs], rules: securityRules },
  // With type information, @typescript-eslint/no-implied-eval replaces the core rule.
  { files: typedTs, rules: { 'no-implied-eval': 'off' } },

  // Each layer imports only what it may.
  { files: ['src/**/*.ts', 'components/**/*.ts'], plugins: { layers }, rules: { 'layers/imports': 'error' } },

  // Tests: chai's `expect(x).to.be.true`, `el.shadowRoot!`, fire-and-forget promises and
  // mocha's async callbacks are idiomatic here.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  // Browser tests wait for the state or event they mean, never for a length of time: no sleeps,
  // and waits go through test/wait.ts, whose ceiling is generous for a busy two-core machine.
  {
    files: ['test/**/*.ts'],
    ignores: ['test/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...securityRules['no-restricted-imports'][1].paths,
            { name: '@open-wc/testing', importNames: ['waitUntil', 'aTimeout'], message: waitMessage },
          ],
          patterns: securityRules['no-restricted-imports'][1].patterns,
        },
      ],
      'no-restricted-syntax': [
        ...securityRules['no-restricted-syntax'],
        {
          // setTimeout(fn) yields one task, which is an ordering, not a length of time.
          selector: "CallExpression[callee.name='setTimeout'][arguments.length>1]",
          message: waitMessage,
        },
      ],
    },
  },
]);
