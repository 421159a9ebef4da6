import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import type { Logger } from '../logging/logger.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Brings the schema up to date. Each migration runs in a transaction on PostgreSQL and SQLite alike, and
 * Kysely's lock table keeps two starting processes from migrating at once.
 * @param migrationTableSchema PostgreSQL schema of Kysely's bookkeeping tables.
 * @throws the first migration error (nothing after it runs).
 */
export async function migrateToLatest(db: Kysely<unknown>, logger: Logger, migrationTableSchema?: string): Promise<void> {
  // On PostgreSQL the schema must be named: Kysely's table-existence check otherwise matches a migration table
  // of any schema in the database (another instance, another test file).
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') logger.info({ migration: result.migrationName }, 'migration applied');
    if (result.status === 'Error') logger.error({ migration: result.migrationName }, 'migration failed');
  }
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
