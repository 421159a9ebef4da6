import type { Kysely } from 'kysely';

// Providers (instance-wide or a user's own, "bring your own key"), their models, aliases and test results.
// Dialect-neutral (docs/decisions/0003): text ids, ISO-8601 text timestamps, JSON as text, booleans as 0/1.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('providers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    // NULL: an instance provider; otherwise the user who owns this BYOK provider.
    .addColumn('owner_user_id', 'text', (column) => column.references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('base_url', 'text', (column) => column.notNull())
    .addColumn('api_key_ciphertext', 'text')
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('flags', 'text', (column) => column.notNull())
    .addColumn('system_prompt', 'text')
    .addColumn('filters', 'text', (column) => column.notNull())
    .addColumn('last_fetched_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('providers_owner_idx').on('providers').column('owner_user_id').execute();

  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('provider_id', 'text', (column) => column.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('context_length', 'integer')
    .addColumn('capabilities', 'text', (column) => column.notNull())
    .addColumn('is_visible', 'integer', (column) => column.notNull())
    // 1 once an admin set the visibility by hand: filters no longer change it.
    .addColumn('visibility_locked', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('system_prompt', 'text')
    .addColumn('tier', 'integer')
    .addColumn('fetched_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('models_provider_name_unique', ['provider_id', 'name'])
    .execute();

  await db.schema
    .createTable('model_aliases')
    .addColumn('alias', 'text', (column) => column.primaryKey())
    .addColumn('model_id', 'text', (column) => column.notNull().references('models.id').onDelete('cascade'))
    .addColumn('display_name', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('model_aliases_model_idx').on('model_aliases').column('model_id').execute();

  await db.schema
    .createTable('model_capabilities')
    .addColumn('model_id', 'text', (column) => column.primaryKey().references('models.id').onDelete('cascade'))
    .addColumn('last_test_result', 'text')
    .addColumn('tools_unsupported', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('tested_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['model_capabilities', 'model_aliases', 'models', 'providers']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
