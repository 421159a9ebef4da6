import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ProviderRow, ProvidersTable } from '../platform/database/tables.js';

/** SQL over `providers`. `ownerUserId: null` addresses instance providers. */
export function createProvidersRepository(db: Kysely<Database>) {
  const inScope = (ownerUserId: string | null) => {
    const query = db.selectFrom('providers').selectAll();
    return ownerUserId === null ? query.where('owner_user_id', 'is', null) : query.where('owner_user_id', '=', ownerUserId);
  };

  return {
    findById: (id: string): Promise<ProviderRow | undefined> =>
      db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The provider with this id in the scope (instance, or one user's own), else undefined. */
    findInScope: (id: string, ownerUserId: string | null): Promise<ProviderRow | undefined> =>
      inScope(ownerUserId).where('id', '=', id).executeTakeFirst(),

    listInScope: (ownerUserId: string | null): Promise<ProviderRow[]> =>
      inScope(ownerUserId).orderBy('name').orderBy('id').execute(),

    listEnabledInstance: (): Promise<ProviderRow[]> =>
      inScope(null).where('enabled', '=', 1).orderBy('name').orderBy('id').execute(),

    /** Enabled providers of the instance and, when given, of one user (their own), by name. */
    listEnabledForUser: (ownerUserId: string | null): Promise<ProviderRow[]> =>
      db
        .selectFrom('providers')
        .selectAll()
        .where('enabled', '=', 1)
        .where((eb) => (ownerUserId === null ? eb('owner_user_id', 'is', null) : eb.or([eb('owner_user_id', 'is', null), eb('owner_user_id', '=', ownerUserId)])))
        .orderBy('name')
        .orderBy('id')
        .execute(),

    async countInScope(ownerUserId: string | null, executor: Kysely<Database> = db): Promise<number> {
      let query = executor.selectFrom('providers').select((eb) => eb.fn.countAll<number | string>().as('total'));
      query = ownerUserId === null ? query.where('owner_user_id', 'is', null) : query.where('owner_user_id', '=', ownerUserId);
      return Number((await query.executeTakeFirstOrThrow()).total);
    },

    async nameTaken(name: string, ownerUserId: string | null, exceptId?: string): Promise<boolean> {
      let query = inScope(ownerUserId).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    async insert(row: Insertable<ProvidersTable>, executor: Kysely<Database> = db): Promise<void> {
      await executor.insertInto('providers').values(row).execute();
    },

    async update(id: string, changes: Updateable<ProvidersTable>): Promise<ProviderRow | undefined> {
      await db.updateTable('providers').set(changes).where('id', '=', id).execute();
      return db.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async deleteById(id: string): Promise<number> {
      const result = await db.deleteFrom('providers').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type ProvidersRepository = ReturnType<typeof createProvidersRepository>;
