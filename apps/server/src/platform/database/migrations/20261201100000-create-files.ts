import type { Kysely } from 'kysely';

/** Uploads and tool-generated "secure files": metadata here, bytes on disk under a random name. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('filename', 'text', (column) => column.notNull())
    .addColumn('mime_type', 'text', (column) => column.notNull())
    .addColumn('size', 'bigint', (column) => column.notNull())
    .addColumn('sha256', 'text', (column) => column.notNull())
    .addColumn('storage_name', 'text', (column) => column.notNull().unique())
    .addColumn('access_code_hash', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('details', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('files_user_kind_idx').on('files').columns(['user_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('files_expires_idx').on('files').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('files').ifExists().execute();
}
