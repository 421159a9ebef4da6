import type { Kysely } from 'kysely';

// Which process runs an execution (`executions.runner_id`) and which processes are alive (`agent_runners`,
// heartbeat every 30 s): a starting process fails only the `running` executions of runners that stopped, so
// several processes on one database do not fail each other's live runs. Dialect-neutral (0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_runners')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('heartbeat_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.alterTable('executions').addColumn('runner_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('executions').dropColumn('runner_id').execute();
  await db.schema.dropTable('agent_runners').ifExists().execute();
}
