import type { Kysely } from 'kysely';

// Builder conversations of agents (reference §3.1): the messages of one conversation are one JSON array sealed with
// the owner's key and the record id (never stored in clear); `revision` guards concurrent appends. They go with
// their agent or user. Dialect-neutral (0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_builder_conversations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sealed_messages', 'text', (column) => column.notNull())
    .addColumn('message_count', 'integer', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('agent_builder_conversations_agent_idx').on('agent_builder_conversations').columns(['agent_id', 'updated_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_builder_conversations').ifExists().execute();
}
