import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedSourceEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));
// The workflow engine is pure: the agent editor validates workflows with it in the browser.
const engineSourceEntry = fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url));
// react-router's package exports point every condition at its development build (extra checks and warnings on
// each navigation); a production build of the app takes the production build it ships beside it.
const reactRouterProduction = fileURLToPath(new URL('../../node_modules/react-router/dist/production/index.mjs', import.meta.url));
const apiTarget = 'http://localhost:3001';

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), tailwindcss()],
  resolve: {
    // The shared package is consumed from source so that the web app never needs a prior build of it.
    alias: [
      { find: /^@claraverse\/shared$/, replacement: sharedSourceEntry },
      { find: /^@claraverse\/engine$/, replacement: engineSourceEntry },
      ...(command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : []),
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
      '/metrics': { target: apiTarget, changeOrigin: true },
      '/ws': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  preview: { port: 4173, strictPort: true },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
}));
