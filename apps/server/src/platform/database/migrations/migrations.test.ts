import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/create-test-app.js';
import { migrateToLatest } from '../migrate.js';
import { migrations } from './index.js';

describe('migrations', () => {
  it('lists every migration file of the folder, in order', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(folder).filter((name) => /^\d{14}-.*\.ts$/.test(name) && !name.endsWith('.test.ts')).map((name) => name.replace(/\.ts$/, ''));
    expect(Object.keys(migrations)).toEqual(files.sort());
  });

  describe('on a fresh database', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(() => app.close());

    it('creates the foundation tables and is idempotent', async () => {
      const tables = (await app.database.db.introspection.getTables()).map((table) => table.name);
      expect(tables).toEqual(expect.arrayContaining(['users', 'refresh_tokens', 'user_preferences', 'settings', 'audit_log']));
      await migrateToLatest(app.database.db as never, (await import('pino')).pino({ level: 'silent' }), app.database.dialect === 'postgres' ? (app.config.database as { schema?: string }).schema : undefined);
      const again = (await app.database.db.introspection.getTables()).map((table) => table.name);
      expect(again.sort()).toEqual(tables.sort());
    });

    it('enforces foreign keys (sessions of a deleted user go with it)', async () => {
      const now = new Date().toISOString();
      await app.database.db.insertInto('users').values({ id: 'fk-user', email: 'fk@example.test', name: null, password_hash: 'x', role: 'user', status: 'active', created_at: now, updated_at: now, last_login_at: null, sessions_revoked_at: null }).execute();
      await app.database.db.insertInto('refresh_tokens').values({ id: 'fk-token', user_id: 'fk-user', family_id: 'f', token_hash: 'h', created_at: now, expires_at: now, used_at: null, revoked_at: null }).execute();
      await expect(
        app.database.db.insertInto('refresh_tokens').values({ id: 'orphan', user_id: 'nobody', family_id: 'f', token_hash: 'h2', created_at: now, expires_at: now, used_at: null, revoked_at: null }).execute(),
      ).rejects.toThrow();
      await app.database.db.deleteFrom('users').where('id', '=', 'fk-user').execute();
      expect(await app.database.db.selectFrom('refresh_tokens').select('id').where('id', '=', 'fk-token').execute()).toEqual([]);
    });

    it('runs SQLite in WAL mode with foreign keys on, or PostgreSQL in its own schema', async () => {
      if (app.database.dialect === 'sqlite') {
        const result = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(app.database.db);
        expect(result.rows[0]?.journal_mode).toBe('wal');
      } else {
        const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(app.database.db);
        expect(result.rows[0]?.schema).toMatch(/^test_/);
      }
    });
  });
});
