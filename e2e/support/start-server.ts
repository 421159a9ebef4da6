import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type ClaraVerseApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config/load-config.js';
import { createCapturingLogger } from '../../apps/server/src/test/capture-logger.js';

/** The built web app the server serves; `E2E_WEB_DIST` points at another build (engineers building in parallel). */
export const webDistDir = process.env['E2E_WEB_DIST'] ?? fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

export interface RunningServer {
  app: ClaraVerseApp;
  baseUrl: string;
  logLines: string[];
  stop(): Promise<void>;
}

/**
 * The real server (production Argon2 cost, fresh SQLite, the built web app) listening on 127.0.0.1; `env`
 * adds or overrides configuration (e.g. SEARXNG_URLS).
 * @throws when the web app has not been built (`npm run build -w @claraverse/web`).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(webDistDir, 'index.html'))) throw new Error('Build the web app first: npm run build -w @claraverse/web');
  const dataDir = mkdtempSync(join(tmpdir(), 'claraverse-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_MASTER_KEY: randomBytes(32).toString('hex'),
    WEB_DIST_DIR: webDistDir,
    ...env,
  });
  const { logger, lines } = createCapturingLogger();
  const app = await createApp(config, { logger });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    logLines: lines,
    stop: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
