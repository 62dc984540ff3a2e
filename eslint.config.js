// Lint: TypeScript and Svelte with zero warnings, and the boundaries between folders enforced.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util'];
const onlyMainImportsElectron = { name: 'electron', message: "Only electron/main imports 'electron'." };

/** A folder may not import these; types from the API contract and the model stay allowed. */
const boundary = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [onlyMainImportsElectron], patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'electron/shared/i18n/paraglide/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // Markup from data is never trusted; nothing here renders raw HTML.
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to the API client.' },
            { name: 'better-sqlite3', message: 'The renderer talks only to the API client.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The renderer runs in a browser, not in Node.',
            },
            {
              group: [
                '**/db/*',
                '!**/db/model.ts',
                '**/electron/main/**',
                '**/electron/web/**',
                '**/electron/cli/**',
                '**/electron/reports/**',
                '**/electron/ingest/**',
                // Pure (no Node APIs): the renderer reads dropped files with the command line's code.
                '!**/electron/ingest/source-drafts.ts',
                '**/electron/api/handlers*',
                '**/electron/api/dispatch*',
              ],
              allowTypeImports: true,
              message:
                'The renderer may import only the API client, contract and operation names, and the model types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'db/**',
      'electron/api/**',
      'electron/reports/**',
      'electron/ingest/**',
      'electron/web/**',
      'electron/cli/**',
      'electron/bench/**',
      'electron/shared/**',
    ],
    rules: boundary([{ group: ['**/renderer/**'], message: 'Node code does not reach into the renderer.' }]),
  },
  {
    files: ['db/**'],
    rules: boundary([
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'db/ is the bottom layer: it imports neither electron/ nor renderer/.',
      },
    ]),
  },
  {
    files: ['electron/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
    // The preload may use electron's contextBridge and ipcRenderer, and nothing of Node or the database.
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['better-sqlite3', '**/db/**', ...nodeBuiltins],
              message: 'The preload exposes the API bridge and nothing else.',
            },
          ],
        },
      ],
    },
  },
);
