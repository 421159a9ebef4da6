import type { Kysely } from 'kysely';
import type { Database, RefreshTokenRow } from '../platform/database/tables.js';

/** SQL over `refresh_tokens`: hashed, single-use tokens grouped in families. */
export function createSessionsRepository(db: Kysely<Database>) {
  return {
    async insert(row: RefreshTokenRow): Promise<void> {
      await db.insertInto('refresh_tokens').values(row).execute();
    },

    findByHash: (tokenHash: string): Promise<RefreshTokenRow | undefined> =>
      db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),

    /** Marks a token spent. Returns false when it already was (a concurrent exchange won the race). */
    async markUsed(id: string, usedAt: string): Promise<boolean> {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ used_at: usedAt })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async revokeFamily(familyId: string, revokedAt: string): Promise<number> {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: revokedAt })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async revokeAllOfUser(userId: string, revokedAt: string): Promise<number> {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: revokedAt })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async countOfUser(userId: string): Promise<number> {
      const row = await db
        .selectFrom('refresh_tokens')
        .select((eb) => eb.fn.countAll<number | string>().as('total'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    /** Deletes tokens that expired before `before`; returns how many. */
    async deleteExpired(before: string): Promise<number> {
      const result = await db.deleteFrom('refresh_tokens').where('expires_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
