import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Which folders a file may import from: the process boundaries, written as rules. */
const forbid = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group, message })) }];
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.native/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    // Migrations are frozen in time and take Kysely<any> by design (they must not follow today's schema).
    files: ['migrations/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          ['electron', 'react', 'react-*', '@mantine/*', ...nodeBuiltins],
          ['**/main/**', '**/renderer/**', '**/preload/**'],
        ],
        'shared/ is pure: no Node, no Electron, no DOM, no app folders',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters to the React Compiler, which this app doesn't use (TanStack Virtual trips it).
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': forbid(
        [
          ['electron', 'kysely', 'better-sqlite3-multiple-ciphers', ...nodeBuiltins],
          ['**/main/**', '**/preload/**', '**/migrations/**'],
        ],
        'The renderer talks to main only through the contract in shared/',
      ),
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/settings/electron-settings-backend.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          ['electron', 'electron-store', 'react', 'react-*', '@mantine/*'],
          ['**/renderer/**', '**/preload/**'],
        ],
        'Only main/electron/ may touch Electron; the rest of main/ is plain Node',
      ),
    },
  },
  {
    files: ['main/electron/**/*.ts', 'main/settings/electron-settings-backend.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['react', 'react-*', '@mantine/*'], ['**/renderer/**']],
        'main never imports React',
      ),
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [
          [...nodeBuiltins, 'zod'],
          ['**/main/**', '**/renderer/**', '**/shared/ipc/contract', '**/shared/ipc/events'],
        ],
        'The sandboxed preload bundles only the channel list',
      ),
    },
  },
  {
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/main/**', '**/shared/**', '**/renderer/**']],
        'Migrations never import app code',
      ),
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly' } },
  },
);
