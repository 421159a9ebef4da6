import { type Kysely, sql } from 'kysely';
import type { Database, NewUserRow, UserRow, UserRowUpdate } from '../platform/database/tables.js';

/** Escapes `%`, `_` and `\` so user text is matched literally by LIKE. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Account fields other domains keep copies of (an API key's caller): a write to one of them is announced. */
const announcedFields = ['status', 'role', 'email'] as const;

/**
 * SQL over `users` and `user_preferences`. Every write that changes an account's status, role or email, and every
 * deletion, is announced to `onAccountChange` listeners (caches of callers drop their copies). A write inside a
 * transaction is announced when it is made and must be announced again by the caller once the transaction has
 * committed (`announceAccountChange`): a reader that ran in between saw the old row.
 */
export function createUsersRepository(db: Kysely<Database>) {
  const listeners = new Set<(userId: string) => void>();
  const announceAccountChange = (userId: string): void => {
    for (const listener of listeners) listener(userId);
  };
  return {
    /** Calls `listener` with the user's id after each announced write; returns the unsubscribe function. */
    onAccountChange(listener: (userId: string) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    announceAccountChange,

    findById: (id: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    findByEmail: (email: string): Promise<UserRow | undefined> =>
      db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),

    async hasAny(): Promise<boolean> {
      const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    async insert(row: NewUserRow, executor: Kysely<Database> = db): Promise<void> {
      await executor.insertInto('users').values(row).execute();
    },

    async update(id: string, changes: UserRowUpdate, executor: Kysely<Database> = db): Promise<UserRow | undefined> {
      await executor.updateTable('users').set(changes).where('id', '=', id).execute();
      if (announcedFields.some((field) => changes[field] !== undefined)) announceAccountChange(id);
      return executor.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async deleteById(id: string, executor: Kysely<Database> = db): Promise<number> {
      const result = await executor.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      announceAccountChange(id);
      return Number(result.numDeletedRows);
    },

    async countActiveAdmins(executor: Kysely<Database> = db, exceptUserId?: string): Promise<number> {
      let query = executor
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('total'))
        .where('role', '=', 'admin')
        .where('status', '=', 'active');
      if (exceptUserId) query = query.where('id', '!=', exceptUserId);
      return Number((await query.executeTakeFirstOrThrow()).total);
    },

    async list(options: { limit: number; offset: number; search?: string; status?: UserRow['status'] }) {
      let query = db.selectFrom('users');
      if (options.search) {
        const pattern = likePattern(options.search);
        // ESCAPE is explicit: SQLite has no default escape character for LIKE.
        query = query.where(sql<boolean>`(email like ${pattern} escape '\\' or lower(name) like ${pattern} escape '\\')`);
      }
      if (options.status) query = query.where('status', '=', options.status);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.total) };
    },

    async getPreferences(userId: string): Promise<string | undefined> {
      const row = await db.selectFrom('user_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
      return row?.preferences;
    },

    async savePreferences(userId: string, preferences: string, updatedAt: string): Promise<void> {
      await db
        .insertInto('user_preferences')
        .values({ user_id: userId, preferences, updated_at: updatedAt })
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ preferences, updated_at: updatedAt }))
        .execute();
    },

    async countPreferences(userId: string, executor: Kysely<Database> = db): Promise<number> {
      const row = await executor
        .selectFrom('user_preferences')
        .select((eb) => eb.fn.countAll<number | string>().as('total'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
