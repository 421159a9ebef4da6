import type { Kysely } from 'kysely';

// Inbound webhooks of agents (`POST /api/hooks/:hookId`): the hook id is a random, unguessable path segment; the
// optional signing secret is sealed with the owner's key (never stored in clear). Dialect-neutral (0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_webhooks')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull().unique().references('agents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sealed_secret', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agent_webhooks').ifExists().execute();
}
