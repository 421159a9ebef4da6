import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sharedSource = fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url));
const engineSource = fileURLToPath(new URL('./packages/engine/src/index.ts', import.meta.url));
const alias = { '@claraverse/shared': sharedSource, '@claraverse/engine': engineSource };

// The PostgreSQL project runs the same server suites on a fresh schema per test file; it exists only when
// DATABASE_URL points at a PostgreSQL server (CI always sets it).
const hasPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

// Tests that never touch the database (each integration's tools and credential test against its double) run once,
// on the SQLite project; the PostgreSQL project repeats every suite that stores something.
const storageFreeTests = ['apps/server/src/integrations/*/*.tool.test.ts', 'apps/server/src/integrations/*/*.integration.test.ts'];

const serverProject = (name: string, dialect: 'sqlite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name,
    include: ['apps/server/src/**/*.test.ts'],
    ...(dialect === 'postgres' ? { exclude: ['**/node_modules/**', ...storageFreeTests] } : {}),
    environment: 'node',
    env: { TEST_DATABASE_DIALECT: dialect },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['packages/shared/src/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'engine', include: ['packages/engine/src/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'bridge', include: ['apps/bridge/src/**/*.test.ts'], environment: 'node' } },
      serverProject('server', 'sqlite'),
      ...(hasPostgres ? [serverProject('server-postgres', 'postgres')] : []),
      'apps/web/vitest.config.ts',
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
