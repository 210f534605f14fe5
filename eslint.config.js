// Layering is the architecture: these rules keep the diagram true without a reviewer.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', 'release/', 'test-results/', 'playwright-report/', '**/*.cjs'],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./electron', './renderer', './stack', './tests', './migrations'] },
            { target: './renderer', from: ['./electron', './stack', './tests', './migrations'] },
            { target: './electron', from: ['./renderer', './stack', './tests'] },
            { target: './stack', from: ['./electron', './renderer'] },
            // Demo seed rows: pure TypeScript shared by the app (electron/demo) and the server (stack/seed.ts).
            { target: './resources', from: ['./electron', './renderer', './stack', './tests', './migrations'] },
            // The two transports (Electron shell, headless host) share electron/serving/, never each other.
            { target: './electron/main.ts', from: './electron/host' },
            { target: './electron/host', from: './electron/main.ts' },
            { target: './electron/serving', from: ['./electron/main.ts', './electron/host'] },
            // Opening the desk goes down: storage/ → backup/ → db/ (db/schema/ within it); secrets/ sits below both
            // auth/ and storage/. Only the composition (app.ts) and the demo-file CLI start the opening.
            { target: './electron/db', from: ['./electron/storage', './electron/backup', './electron/sync', './electron/commands', './electron/services', './electron/auth', './electron/host', './electron/serving', './electron/app.ts'] },
            { target: './electron/backup', from: ['./electron/storage', './electron/sync', './electron/commands', './electron/services', './electron/auth', './electron/host', './electron/serving', './electron/app.ts'] },
            { target: './electron/storage', from: ['./electron/commands', './electron/services', './electron/sync', './electron/auth', './electron/host', './electron/serving', './electron/app.ts', './electron/main.ts'] },
            { target: './electron/secrets', from: './electron', except: ['./secrets'] },
            { target: ['./electron/commands', './electron/services', './electron/sync', './electron/auth', './electron/host', './electron/serving'], from: './electron/storage' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'react', 'react-dom', 'zustand'], message: 'shared/ is pure.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer knows nothing of Node.' },
            { group: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', '@supabase/*'], message: 'The renderer talks to main only through src/data/transport.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/][callee.object.name='db']",
          message: 'Repositories own SQL: put queries in electron/db/.',
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its rejection; one handed to a callback that
    // ignores it (an event handler, forEach) runs unordered. `void p` marks fire-and-forget as meant.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Modules form a tree: a cycle means a shared piece belongs one layer down.
    plugins: { 'import-x': importX },
    settings: {
      // Follow imports into TypeScript files (the default reads only .js); every import names its extension.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
