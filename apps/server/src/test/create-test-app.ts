import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type AppOverrides, type ClaraVerseApp } from '../app.js';
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/load-config.js';
import { createArgon2PasswordHasher } from '../platform/crypto/password-hasher.js';
import { createCapturingLogger } from './capture-logger.js';

/** Which database the server suites run on: set per vitest project (`server` → sqlite, `server-postgres`). */
export const testDialect: 'sqlite' | 'postgres' = process.env.TEST_DATABASE_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export interface TestApp extends ClaraVerseApp {
  /** Every JSON log line the app wrote. */
  logLines: string[];
}

async function createPostgresSchema(url: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    schema,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop schema if exists ${schema} cascade`);
      await dropper.end();
    },
  };
}

/**
 * A real app on a fresh database: a new SQLite file, or a new PostgreSQL schema when the suite runs on
 * PostgreSQL. Rate limits are off unless `env` turns them on; Argon2 runs with a small cost (the production
 * cost is asserted in its own test) so suites stay fast. With `peerOf`, a second instance of that app's
 * deployment instead (scale-out tests): same data folder, database and secrets, left for the first to remove.
 */
export async function createTestApp(options: { env?: Record<string, string>; overrides?: AppOverrides; peerOf?: TestApp } = {}): Promise<TestApp> {
  const peer = options.peerOf?.config;
  const dataDir = peer ? peer.paths.dataDir : mkdtempSync(join(tmpdir(), 'claraverse-test-'));
  const postgresUrl = process.env.DATABASE_URL;
  if (testDialect === 'postgres' && !postgresUrl) throw new Error('TEST_DATABASE_DIALECT=postgres needs DATABASE_URL');
  const postgres = testDialect === 'postgres' && postgresUrl && !peer ? await createPostgresSchema(postgresUrl) : null;
  const baseConfig = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    JWT_SECRET: peer ? peer.auth.jwtSecret : randomBytes(32).toString('hex'),
    ENCRYPTION_MASTER_KEY: (peer ? peer.crypto.masterKey : randomBytes(32)).toString('hex'),
    RATE_LIMIT_ENABLED: 'false',
    WEB_DIST_DIR: join(dataDir, 'no-web-app'),
    ...(postgres && postgresUrl ? { DATABASE_URL: postgresUrl } : {}),
    ...options.env,
  });
  const config: Config = peer
    ? { ...baseConfig, database: peer.database }
    : postgres && baseConfig.database.dialect === 'postgres'
      ? { ...baseConfig, database: { ...baseConfig.database, schema: postgres.schema, poolSize: 4 } }
      : baseConfig;
  const { logger, lines } = createCapturingLogger();
  const app = await createApp(config, {
    logger,
    passwordHasher: createArgon2PasswordHasher({ timeCost: 1, memoryKiB: 1024, parallelism: 1 }),
    ...options.overrides,
  });
  return {
    ...app,
    logLines: lines,
    close: async () => {
      await app.close();
      await postgres?.drop();
      if (!peer) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
