import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const sharedSourceEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));
// The workflow engine is pure: the agent editor validates workflows with it in the browser.
const engineSourceEntry = fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@claraverse\/shared$/, replacement: sharedSourceEntry },
      { find: /^@claraverse\/engine$/, replacement: engineSourceEntry },
    ],
  },
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup-tests.ts'],
    restoreMocks: true,
    // Component tests render whole routes; under CI's load (2 cores, suites in parallel) 5 s is too tight.
    testTimeout: 20_000,
  },
});
