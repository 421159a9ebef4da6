import type { Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../platform/database/tables.js';

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** SQL over `api_keys`: only hashes of keys are stored. */
export function createApiKeysRepository(db: Kysely<Database>) {
  return {
    async insert(row: ApiKeyRow): Promise<void> {
      await db.insertInto('api_keys').values(row).execute();
    },
    listOfUser: (userId: string) => db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute(),
    findOfUser: (userId: string, id: string) =>
      db.selectFrom('api_keys').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst(),
    findByHash: (keyHash: string) => db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst(),
    async countActiveOfUser(userId: string): Promise<number> {
      const row = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
      return Number(row.total);
    },
    async update(id: string, changes: Partial<Pick<ApiKeyRow, 'revoked_at' | 'last_used_at'>>): Promise<void> {
      await db.updateTable('api_keys').set(changes).where('id', '=', id).execute();
    },
    async deleteOfUser(userId: string, id: string): Promise<number> {
      const result = await db.deleteFrom('api_keys').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type ApiKeysRepository = ReturnType<typeof createApiKeysRepository>;
