import type { Kysely } from 'kysely';

// One cron schedule per agent (reference §3.4), and the lock rows that make one tick run once across processes:
// the process whose insert of (schedule_id, tick_at) succeeds runs that tick. Dialect-neutral (docs/decisions/0003).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agent_schedules')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull().unique().references('agents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('cron_expression', 'text', (column) => column.notNull())
    .addColumn('timezone', 'text', (column) => column.notNull())
    .addColumn('input_template', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('next_run_at', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('total_runs', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('successful_runs', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('failed_runs', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('agent_schedules_due_idx').on('agent_schedules').columns(['enabled', 'next_run_at']).execute();
  await db.schema.createIndex('agent_schedules_user_idx').on('agent_schedules').column('user_id').execute();

  await db.schema
    .createTable('schedule_ticks')
    .addColumn('schedule_id', 'text', (column) => column.notNull().references('agent_schedules.id').onDelete('cascade'))
    .addColumn('tick_at', 'text', (column) => column.notNull())
    .addColumn('claimed_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('schedule_ticks_pk', ['schedule_id', 'tick_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('schedule_ticks').ifExists().execute();
  await db.schema.dropTable('agent_schedules').ifExists().execute();
}
