// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverDomains = ['auth', 'users', 'settings', 'audit', 'health'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'test-results/**', 'data/**', '**/*.config.{js,ts}', 'scripts/**', 'bench/**', 'packages/*/bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // CONVENTIONS §3.3: size warnings, no any, no floating promises.
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only config/load-config.ts reads the environment (tests and tools may).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through Config (apps/server/src/config/load-config.ts).' }],
    },
  },
  {
    files: ['apps/server/src/config/load-config.ts', '**/*.test.ts', '**/*.test.tsx', 'apps/server/src/test/**', 'e2e/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': 'off' },
  },
  {
    // CONVENTIONS §2.18: platform/ knows no domain.
    files: ['apps/server/src/platform/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: serverDomains.map((domain) => `**/${domain}/*`), message: 'platform/ must not import a domain.' }] }],
    },
  },
  {
    // packages/shared depends on zod only.
    files: ['packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@claraverse/server', '@claraverse/web', '**/apps/**', 'fastify', 'react'], message: 'shared imports no app code.' }] }],
    },
  },
  {
    // CONVENTIONS §2.11: the workflow engine is pure — zod, jsonata and its own files; side effects come in as ports.
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@claraverse/server', '@claraverse/web', '**/apps/**', 'node:*', 'fs', 'http', 'https', 'net', 'child_process', 'kysely', 'pg', 'better-sqlite3', 'ioredis', 'fastify', 'react'],
              message: 'The engine imports no I/O, database, HTTP or app code: add a port (src/ports.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': ['error', { object: 'import', property: 'meta', message: 'Read import.meta.env only in src/config/env.ts.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/server/**', '@claraverse/server'], message: 'The web app talks to the server over HTTP only.' }] }],
    },
  },
  {
    files: ['apps/web/src/config/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
