import { sql, type Kysely, type Updateable } from 'kysely';
import type { CredentialRow, CredentialsTable, Database } from '../platform/database/tables.js';

/** SQL of users' credentials. Every read and write of a user's record names the user. */
export function createCredentialsRepository(db: Kysely<Database>) {
  return {
    insert: async (row: CredentialRow): Promise<void> => {
      await db.insertInto('credentials').values(row).execute();
    },

    /** A user's credentials, newest first; only one integration's with `integrationType`. */
    listOfUser(userId: string, integrationType?: string): Promise<CredentialRow[]> {
      let query = db.selectFrom('credentials').selectAll().where('user_id', '=', userId);
      if (integrationType) query = query.where('integration_type', '=', integrationType);
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    },

    findOfUser: (userId: string, id: string): Promise<CredentialRow | undefined> =>
      db.selectFrom('credentials').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),

    /** The integrations this user has at least one credential of. */
    async integrationTypesOfUser(userId: string): Promise<string[]> {
      const rows = await db.selectFrom('credentials').select('integration_type').distinct().where('user_id', '=', userId).execute();
      return rows.map((row) => row.integration_type);
    },

    updateOfUser: async (userId: string, id: string, changes: Updateable<CredentialsTable>): Promise<void> => {
      await db.updateTable('credentials').set(changes).where('id', '=', id).where('user_id', '=', userId).execute();
    },

    /** Counts a use (a tool call got its values). */
    markUsed: async (id: string, at: string): Promise<void> => {
      await db
        .updateTable('credentials')
        .set({ usage_count: sql<number>`usage_count + 1`, last_used_at: at })
        .where('id', '=', id)
        .execute();
    },

    /** Returns how many rows went (0: not this user's). */
    async deleteOfUser(userId: string, id: string): Promise<number> {
      const result = await db.deleteFrom('credentials').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Up to `limit` records not sealed with `keyId`, after `afterId` (id order), for re-encryption. */
    listSealedWithOtherKey: (keyId: string, afterId: string, limit: number): Promise<CredentialRow[]> =>
      db.selectFrom('credentials').selectAll().where('key_id', '!=', keyId).where('id', '>', afterId).orderBy('id').limit(limit).execute(),

    /** Replaces a record's ciphertext only if it is still the one that was read (a concurrent update wins). */
    async reseal(id: string, from: { encryptedData: string; keyId: string }, to: { encryptedData: string; keyId: string }): Promise<boolean> {
      const result = await db
        .updateTable('credentials')
        .set({ encrypted_data: to.encryptedData, key_id: to.keyId })
        .where('id', '=', id)
        .where('encrypted_data', '=', from.encryptedData)
        .where('key_id', '=', from.keyId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    countAll: async (): Promise<number> =>
      Number((await db.selectFrom('credentials').select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow()).total),
  };
}
export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
