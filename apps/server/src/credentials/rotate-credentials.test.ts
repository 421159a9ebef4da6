import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { SessionResponse } from '@claraverse/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config/load-config.js';
import { createKeyRing, masterKeyId } from '../platform/crypto/key-ring.js';
import { createArgon2PasswordHasher } from '../platform/crypto/password-hasher.js';
import { createLogger } from '../platform/logging/logger.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { bearer, registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { createCredentialSeal } from './credential-seal.js';
import { createCredentialsRepository } from './credentials.repository.js';
import { exampleChatValues, exampleIntegrations } from './credentials.test-support.js';
import { runRotateCredentials } from './rotate-credentials.cli.js';
import { rotateCredentials } from './rotate-credentials.js';

async function addCredential(app: { http: TestApp['http'] }, token: string, values = exampleChatValues()) {
  const response = await app.http.inject({ method: 'POST', url: '/api/credentials', headers: bearer(token), payload: { name: 'Chat', integrationType: 'example_chat', data: values } });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json<{ credential: { id: string } }>().credential.id, values: { ...values, mode: 'bot' } };
}

describe('rotateCredentials', () => {
  let app: TestApp;
  let stored: Array<{ id: string; userId: string; values: Record<string, string> }>;
  beforeEach(async () => {
    app = await createTestApp({ overrides: { integrations: exampleIntegrations } });
    const owner = await registerAdmin(app);
    await setRegistrationMode(app, owner.accessToken, 'open');
    const other = (await registerUser(app)).json<SessionResponse>();
    stored = [];
    for (const session of [owner, owner, other]) stored.push({ ...(await addCredential(app, session.accessToken)), userId: session.user.id });
  });
  afterEach(() => app.close());

  it('re-encrypts every credential with the new key, opening them with the previous one, and reports what it could not', async () => {
    const repository = createCredentialsRepository(app.database.db);
    const oldKey = app.config.crypto.masterKey;
    const newKey = randomBytes(32);
    // A record sealed with a key nobody has any more: reported, left alone.
    const [first] = await app.database.db.selectFrom('credentials').selectAll().where('id', '=', stored[0]!.id).execute();
    await app.database.db.insertInto('credentials').values({ ...first!, id: 'zz-lost-key', key_id: 'ffffffffffffffff' }).execute();
    const before = await app.database.db.selectFrom('credentials').select(['id', 'encrypted_data', 'key_id']).orderBy('id').execute();
    expect(new Set(before.filter((row) => row.id !== 'zz-lost-key').map((row) => row.key_id))).toEqual(new Set([masterKeyId(oldKey)]));

    const report = await rotateCredentials({ repository, keyRing: createKeyRing(newKey, [oldKey]), batchSize: 2 });
    expect(report).toEqual({ total: 4, rotated: 3, alreadyCurrent: 0, failed: [{ id: 'zz-lost-key', reason: expect.stringContaining('ENCRYPTION_PREVIOUS_MASTER_KEYS') }] });

    const after = await app.database.db.selectFrom('credentials').selectAll().orderBy('id').execute();
    const onlyNewKey = createCredentialSeal(createKeyRing(newKey));
    for (const credential of stored) {
      const row = after.find((candidate) => candidate.id === credential.id)!;
      expect(row.key_id).toBe(masterKeyId(newKey));
      expect(row.encrypted_data).not.toBe(before.find((candidate) => candidate.id === credential.id)!.encrypted_data);
      expect(onlyNewKey.open({ userId: credential.userId, id: credential.id, encryptedData: row.encrypted_data, keyId: row.key_id })).toEqual(credential.values);
    }
    const onlyOldKey = createCredentialSeal(createKeyRing(oldKey));
    const rotated = after.find((row) => row.id === stored[0]!.id)!;
    expect(() => onlyOldKey.open({ userId: stored[0]!.userId, id: rotated.id, encryptedData: rotated.encrypted_data, keyId: rotated.key_id })).toThrow(/does not have/);

    const again = await rotateCredentials({ repository, keyRing: createKeyRing(newKey, [oldKey]) });
    expect(again).toMatchObject({ total: 4, rotated: 0, alreadyCurrent: 3, failed: [{ id: 'zz-lost-key' }] });
  });

  it('runs as a command over the configured database and keys, reporting counts and auditing the run', async () => {
    const newKey = randomBytes(32);
    const lines: string[] = [];
    const config = { ...app.config, crypto: { masterKey: newKey, previousMasterKeys: [app.config.crypto.masterKey] } };
    expect(await runRotateCredentials(config, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([`Current key ${masterKeyId(newKey)}: 3 credentials, 3 re-encrypted, 0 already current, 0 failed.`]);
    const audit = await app.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'credentials.rotated').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ total: 3, rotated: 3, failed: 0 });

    // Without the old key the command cannot open what it sealed, and says so.
    const lost: string[] = [];
    expect(await runRotateCredentials({ ...app.config, crypto: { masterKey: randomBytes(32), previousMasterKeys: [] } }, (line) => lost.push(line))).toBe(1);
    expect(lost[0]).toMatch(/3 credentials, 0 re-encrypted, 0 already current, 3 failed\.$/);
    expect(lost).toHaveLength(4);
  });
});

// `npm run rotate-credentials` runs this file as its own Node process (tsx from source). The process gets a
// fresh SQLite database whichever dialect the suite runs on: this checks the command's wiring (env → config →
// database → counts → exit code); the rotation itself is covered above on both dialects.
describe('npm run rotate-credentials', () => {
  const cliPath = fileURLToPath(new URL('./rotate-credentials.cli.ts', import.meta.url));
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'claraverse-rotate-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const baseEnv = (key: Buffer) => ({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: 'j'.repeat(64), ENCRYPTION_MASTER_KEY: key.toString('hex'), RATE_LIMIT_ENABLED: 'false', WEB_DIST_DIR: join(dataDir, 'none'), LOG_LEVEL: 'silent' });
  const startApp = (key: Buffer) =>
    createApp(loadConfig(baseEnv(key)), {
      logger: createLogger('silent'), integrations: exampleIntegrations,
      passwordHasher: createArgon2PasswordHasher({ timeCost: 1, memoryKiB: 1024, parallelism: 1 }),
    });

  async function runCli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--conditions=claraverse-source', '--import', 'tsx', cliPath], { env: { PATH: process.env.PATH ?? '', ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('re-encrypts the stored credentials so the instance works with only the new key', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = await startApp(oldKey);
    const session = await registerAdmin(before);
    const credential = await addCredential(before, session.accessToken);
    await before.close();

    const missingKey = await runCli({ ...baseEnv(newKey) });
    expect(missingKey.code).toBe(1);
    expect(missingKey.stdout).toContain(`${credential.id}: Credential ${credential.id} was sealed with a master key this instance does not have`);

    const result = await runCli({ ...baseEnv(newKey), ENCRYPTION_PREVIOUS_MASTER_KEYS: oldKey.toString('hex') });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Current key ${masterKeyId(newKey)}: 1 credentials, 1 re-encrypted, 0 already current, 0 failed.\n`);
    expect(result.code).toBe(0);

    const after = await startApp(newKey);
    try {
      expect(await after.credentials.credentialsFor(session.user.id)('example_chat')).toEqual(credential.values);
    } finally {
      await after.close();
    }
  });

  it('refuses a malformed previous key with the config error', async () => {
    const result = await runCli({ ...baseEnv(randomBytes(32)), ENCRYPTION_PREVIOUS_MASTER_KEYS: 'not-a-key' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('ENCRYPTION_PREVIOUS_MASTER_KEYS');
  });
});
