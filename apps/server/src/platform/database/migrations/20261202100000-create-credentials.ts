import type { Kysely } from 'kysely';

// A user's credentials for integrations (credentials/). `encrypted_data` is the JSON of the values sealed with
// the user's key (record id as additional data); `key_id` names the master key that sealed it, so records can be
// re-encrypted after a key rotation. Dialect-neutral (docs/decisions/0003): timestamps are ISO text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('integration_type', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('encrypted_data', 'text', (column) => column.notNull())
    .addColumn('key_id', 'text', (column) => column.notNull())
    .addColumn('masked_preview', 'text', (column) => column.notNull())
    // JSON array of the field keys that hold a value (shown as "set" in the edit form; no values).
    .addColumn('configured_fields', 'text', (column) => column.notNull())
    .addColumn('usage_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('last_used_at', 'text')
    .addColumn('last_test_at', 'text')
    .addColumn('test_status', 'text')
    .addColumn('test_message', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('credentials_user_integration_idx').on('credentials').columns(['user_id', 'integration_type']).execute();
  await db.schema.createIndex('credentials_key_id_idx').on('credentials').column('key_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('credentials').ifExists().execute();
}
