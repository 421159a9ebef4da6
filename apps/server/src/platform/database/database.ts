import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config/config.js';
import type { Database } from './tables.js';

export type DatabaseDialect = 'sqlite' | 'postgres';

/** The relational store: a typed Kysely instance plus what the platform needs to watch and close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DatabaseDialect;
  /** Resolves when a trivial query answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Statements kept per connection; beyond this the oldest is dropped (queries are built from a fixed set). */
const maxCachedStatements = 500;

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on each `prepare`: reusing statements by
 * their SQL text saves that compilation on hot paths (model resolution, API-key auth). Safe because nothing
 * here iterates a statement (`stream()`) while another query could reuse it.
 */
function withStatementCache(connection: SqliteDatabase.Database): { close(): void; prepare(sql: string): SqliteDatabase.Statement } {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      connection.close();
    },
    prepare(sqlText) {
      let statement = statements.get(sqlText);
      if (statement === undefined) {
        statement = connection.prepare(sqlText);
        if (statements.size >= maxCachedStatements) statements.delete(statements.keys().next().value as string);
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * Opens SQLite (WAL, foreign keys on, 5 s busy timeout) or a PostgreSQL pool, as the config says.
 * For PostgreSQL a `schema` puts every table of this instance in that schema (tests use one per file).
 */
export function createDatabase(config: Config['database']): DatabaseHandle {
  if (config.dialect === 'sqlite') {
    if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true, mode: 0o700 });
    const connection = new SqliteDatabase(config.sqlitePath);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
    return {
      db,
      dialect: 'sqlite',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: 5_000,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener it would crash
  // the process. The next query gets a fresh connection.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
