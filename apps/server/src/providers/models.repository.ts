import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, ModelAliasRow, ModelRow, ModelsTable, ProviderRow } from '../platform/database/tables.js';

/** A model row with the columns of its provider that the user list and the resolver need. */
export interface ModelWithProviderRow extends ModelRow {
  provider_name: string;
  provider_owner_user_id: string | null;
  provider_enabled: number;
  provider_flags: string;
}

/** SQL over `model_aliases` and `model_capabilities`. */
function createModelExtrasRepository(db: Kysely<Database>) {
  return {
    listAliases: (modelId: string): Promise<ModelAliasRow[]> =>
      db.selectFrom('model_aliases').selectAll().where('model_id', '=', modelId).orderBy('alias').execute(),

    findAlias: (alias: string): Promise<ModelAliasRow | undefined> =>
      db.selectFrom('model_aliases').selectAll().where('alias', '=', alias).executeTakeFirst(),

    async insertAlias(row: ModelAliasRow, executor: Kysely<Database> = db): Promise<void> {
      await executor.insertInto('model_aliases').values(row).execute();
    },

    async deleteAlias(modelId: string, alias: string): Promise<number> {
      const result = await db.deleteFrom('model_aliases').where('model_id', '=', modelId).where('alias', '=', alias).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async isToolsUnsupported(modelId: string): Promise<boolean> {
      const row = await db.selectFrom('model_capabilities').select('tools_unsupported').where('model_id', '=', modelId).executeTakeFirst();
      return row?.tools_unsupported === 1;
    },

    async saveCapabilities(modelId: string, values: { last_test_result?: string; tested_at?: string; tools_unsupported?: number }): Promise<void> {
      await db
        .insertInto('model_capabilities')
        .values({ model_id: modelId, last_test_result: null, tested_at: null, tools_unsupported: 0, ...values })
        .onConflict((conflict) => conflict.column('model_id').doUpdateSet(values))
        .execute();
    },
  };
}

/** SQL over `models`, `model_aliases` and `model_capabilities`. */
export function createModelsRepository(db: Kysely<Database>) {
  const withProvider = () =>
    db
      .selectFrom('models')
      .innerJoin('providers', 'providers.id', 'models.provider_id')
      .selectAll('models')
      .select([
        'providers.name as provider_name',
        'providers.owner_user_id as provider_owner_user_id',
        'providers.enabled as provider_enabled',
        'providers.flags as provider_flags',
      ]);

  return {
    findById: (id: string): Promise<ModelRow | undefined> => db.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst(),

    findWithProvider: (id: string): Promise<ModelWithProviderRow | undefined> => withProvider().where('models.id', '=', id).executeTakeFirst(),

    /** Models called `name` across the instance providers and (when given) one user's own providers. */
    findByNameForUser: (name: string, ownerUserId: string | null): Promise<ModelWithProviderRow[]> =>
      withProvider()
        .where('models.name', '=', name)
        .where((eb) =>
          ownerUserId === null
            ? eb('providers.owner_user_id', 'is', null)
            : eb.or([eb('providers.owner_user_id', 'is', null), eb('providers.owner_user_id', '=', ownerUserId)]),
        )
        .orderBy('models.id')
        .execute(),

    listByProvider: (providerId: string, executor: Kysely<Database> = db): Promise<ModelRow[]> =>
      executor.selectFrom('models').selectAll().where('provider_id', '=', providerId).orderBy('name').execute(),

    /** Models of instance providers (optionally one of them), for the admin pages. */
    listInstance: (providerId?: string): Promise<ModelRow[]> => {
      let query = withProvider().where('providers.owner_user_id', 'is', null);
      if (providerId) query = query.where('models.provider_id', '=', providerId);
      return query.orderBy('models.provider_id').orderBy('models.name').execute();
    },

    /** Visible models of enabled providers: the instance's, plus (when given) one user's own. */
    listVisibleForUser: (ownerUserId: string | null): Promise<ModelWithProviderRow[]> =>
      withProvider()
        .where('models.is_visible', '=', 1)
        .where('providers.enabled', '=', 1)
        .where((eb) =>
          ownerUserId === null
            ? eb('providers.owner_user_id', 'is', null)
            : eb.or([eb('providers.owner_user_id', 'is', null), eb('providers.owner_user_id', '=', ownerUserId)]),
        )
        .execute(),

    async insertIfAbsent(row: Insertable<ModelsTable>, executor: Kysely<Database> = db): Promise<void> {
      await executor.insertInto('models').values(row).onConflict((conflict) => conflict.columns(['provider_id', 'name']).doNothing()).execute();
    },

    async update(id: string, changes: Updateable<ModelsTable>, executor: Kysely<Database> = db): Promise<ModelRow | undefined> {
      await executor.updateTable('models').set(changes).where('id', '=', id).execute();
      return executor.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Like update, without reading the row back (for loops). */
    async patch(id: string, changes: Updateable<ModelsTable>, executor: Kysely<Database> = db): Promise<void> {
      await executor.updateTable('models').set(changes).where('id', '=', id).execute();
    },

    async deleteById(id: string): Promise<number> {
      const result = await db.deleteFrom('models').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Sets visibility on the given models of instance providers; returns the rows that exist. */
    async setVisibilityOfInstanceModels(ids: readonly string[], isVisible: boolean, updatedAt: string): Promise<ModelRow[]> {
      const instanceProviders = db.selectFrom('providers').select('id').where('owner_user_id', 'is', null);
      await db
        .updateTable('models')
        .set({ is_visible: isVisible ? 1 : 0, visibility_locked: 1, updated_at: updatedAt })
        .where('id', 'in', ids)
        .where('provider_id', 'in', instanceProviders)
        .execute();
      return db.selectFrom('models').selectAll().where('id', 'in', ids).where('provider_id', 'in', instanceProviders).orderBy('name').execute();
    },

    ...createModelExtrasRepository(db),
  };
}
export type ModelsRepository = ReturnType<typeof createModelsRepository>;
export type { ProviderRow };
