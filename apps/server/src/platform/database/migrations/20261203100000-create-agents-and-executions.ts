import type { Kysely } from 'kysely';

// Agents (issue 6): the agent with its current workflow (JSON text + version number, one row read per run),
// snapshots in workflow_versions, and the runs in executions / execution_blocks. Dialect-neutral
// (docs/decisions/0003): ids and timestamps are text, JSON is text, durations integers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('settings', 'text', (column) => column.notNull().defaultTo('{}'))
    // The current workflow `{ blocks, connections, variables }` (null until first saved) and its version.
    .addColumn('workflow', 'text')
    .addColumn('workflow_version', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('block_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('agents_user_updated_idx').on('agents').columns(['user_id', 'updated_at']).execute();

  await db.schema
    .createTable('workflow_versions')
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('workflow', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('block_count', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('workflow_versions_pk', ['agent_id', 'version'])
    .execute();

  // No foreign key to agents: the history outlives a deleted agent until retention removes it.
  await db.schema
    .createTable('executions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (column) => column.notNull())
    .addColumn('api_key_id', 'text')
    .addColumn('workflow_version', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('input', 'text')
    .addColumn('output', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('duration_ms', 'integer')
    .execute();
  await db.schema.createIndex('executions_user_started_idx').on('executions').columns(['user_id', 'started_at']).execute();
  await db.schema.createIndex('executions_agent_started_idx').on('executions').columns(['agent_id', 'started_at']).execute();
  await db.schema.createIndex('executions_status_idx').on('executions').column('status').execute();

  await db.schema
    .createTable('execution_blocks')
    .addColumn('execution_id', 'text', (column) => column.notNull().references('executions.id').onDelete('cascade'))
    .addColumn('block_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('inputs', 'text')
    .addColumn('output', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('retry_history', 'text', (column) => column.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('execution_blocks_pk', ['execution_id', 'block_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('execution_blocks').ifExists().execute();
  await db.schema.dropTable('executions').ifExists().execute();
  await db.schema.dropTable('workflow_versions').ifExists().execute();
  await db.schema.dropTable('agents').ifExists().execute();
}
