// Lint: TypeScript and Svelte with zero warnings, and the boundaries between folders enforced.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util'];
const onlyMainImportsElectron = { name: 'electron', message: "Only electron/main imports 'electron'." };

/** A folder may not import these; types from the API contract and the model stay allowed. */
const boundary = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { paths: [onlyMainImportsElectron, ...paths], patterns },
  ],
});

/** Every folder of electron/ but the domain, which db/ and the renderer may import. */
const electronOutsideDomain = [
  'api',
  'bench',
  'citations',
  'cli',
  'feeds',
  'ingest',
  'main',
  'preload',
  'publish',
  'reports',
  'shared',
  'team',
  'web',
].map((folder) => `**/electron/${folder}/**`);

const noRenderer = { group: ['**/renderer/**'], message: 'Node code does not reach into the renderer.' };

/** The command line's own operations name files on this machine's disk: no transport may reach them. */
const commandLineOnly = {
  group: ['**/api/command-line-*'],
  message:
    "The command line's own operations read and write paths on this machine: the window (IPC) and the browser page (HTTP) never reach them. Call callOperationAsync.",
};

/**
 * electron/cli: one door. Every command that reads or writes data calls an operation of the API
 * contract, so the command line, IPC and HTTP share one validation and one set of errors. Of db/ it
 * keeps the code that finds and opens the file; of the rest, pure helpers that write what an operation
 * returns to --out (atomic-file, file-names), the system's report language, and the shape test that
 * tells which operation a .json goes to.
 */
const oneDoor = (allowedTeamModules = []) => [
  noRenderer,
  {
    group: ['**/db/*', '!**/db/open.ts', '!**/db/location.ts'],
    message:
      'The command line reaches the data only through an operation of the API contract (../api/dispatch.ts, types from ../api/contract.ts), so it validates and fails as the app does; of db/ it imports only open.ts and location.ts, which open the file.',
  },
  {
    group: [
      '**/reports/*',
      '!**/reports/atomic-file.ts',
      '!**/reports/file-names.ts',
      '!**/reports/language.ts',
      '**/ingest/**',
      '**/citations/*',
      '!**/citations/csl-json-shape.ts',
      '**/team/*',
      ...allowedTeamModules.map((module) => `!**/team/${module}`),
      '**/team/*/**',
      '**/feeds/**',
      '**/publish/**',
      '**/api/handlers*',
      '**/api/command-line-handlers*',
    ],
    message:
      'The command line works on data only through an operation of the API contract (callOperationAsync, callCommandLineOperation), never by calling the code behind it: one validation and one set of errors for the CLI, IPC and HTTP. Add an operation if one is missing.',
  },
];

const opensOnlyThroughDb = {
  name: 'better-sqlite3',
  message: 'The command line opens the database with db/open.ts, and works on it through the API contract.',
};

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
              group: ['**/db/**', 'better-sqlite3'],
              message:
                'The renderer never imports db/, not even its types: the shared types and rules are in electron/domain/.',
            },
            {
              group: [
                '**/electron/main/**',
                '**/electron/web/**',
                '**/electron/cli/**',
                '**/electron/reports/**',
                '**/electron/ingest/**',
                // Pure (no Node APIs): the renderer reads dropped files with the command line's code.
                '!**/electron/ingest/source-drafts.ts',
                '**/electron/api/handlers*',
                '**/electron/api/dispatch*',
                '**/electron/api/command-line-*',
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
    rules: boundary([noRenderer]),
  },
  {
    files: ['electron/web/**'],
    rules: boundary([noRenderer, commandLineOnly]),
  },
  {
    files: ['electron/main/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [commandLineOnly] }] },
  },
  {
    // Tests set up their databases and fixtures directly; the rule is about what the commands do.
    files: ['electron/cli/**'],
    // The tests, and their support (cli/testing.ts reads the file they wrote to fingerprint it).
    ignores: ['electron/cli/**/*.test.ts', 'electron/cli/testing.ts'],
    rules: boundary(oneDoor(), [opensOnlyThroughDb]),
  },
  {
    // `team init|add-member|remove-member|members` administer the team's PostgreSQL with an admin's
    // login: its roles and schema, not the data of the dossier file, so they talk to the server directly.
    files: ['electron/cli/team.ts'],
    rules: boundary(oneDoor(['connection.ts', 'members.ts', 'server-schema.ts']), [opensOnlyThroughDb]),
  },
  {
    files: ['db/**'],
    rules: boundary([
      {
        group: [...electronOutsideDomain, '**/renderer/**'],
        message:
          'db/ is the bottom layer: of electron/ it imports only the domain, and nothing of renderer/.',
      },
    ]),
  },
  {
    files: ['electron/domain/**'],
    rules: boundary([
      {
        group: [
          '**/db/**',
          '**/electron/**',
          '!**/electron/domain/**',
          '**/renderer/**',
          'better-sqlite3',
          ...nodeBuiltins,
        ],
        message:
          'electron/domain is plain TypeScript with no I/O that every layer imports: it imports nothing else.',
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
            commandLineOnly,
          ],
        },
      ],
    },
  },
);
