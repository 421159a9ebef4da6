import { sql, type Kysely } from 'kysely';
import type { Database, ExecutionBlockRow, ExecutionRow } from '../../platform/database/tables.js';

/** Filters of execution lists; `agentId` narrows to one agent. */
export interface ExecutionFilter {
  userId: string;
  agentId?: string;
  status?: string;
  trigger?: string;
}

/**
 * SQL over `executions` and `execution_blocks`. Writes come in batches (`execution-writer.ts`): concurrent runs
 * share one transaction, one upsert of their executions and one multi-row insert of their blocks.
 */
export function createExecutionsRepository(db: Kysely<Database>) {
  const filtered = (filter: ExecutionFilter) => {
    let query = db.selectFrom('executions').where('user_id', '=', filter.userId);
    if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.trigger) query = query.where('trigger', '=', filter.trigger);
    return query;
  };
  return {
    /**
     * Writes a batch in one transaction: the executions as one multi-row upsert (a run that started and ended
     * within the batch is one row), then their ended blocks as multi-row inserts.
     */
    async writeBatch(rows: ExecutionRow[], blocks: ExecutionBlockRow[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        // Chunks keep each statement under SQLite's bound-parameter limit (14 and 12 columns per row).
        for (let index = 0; index < rows.length; index += 500) {
          await trx.insertInto('executions').values(rows.slice(index, index + 500))
            .onConflict((conflict) => conflict.column('id').doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'), output: eb.ref('excluded.output'), error: eb.ref('excluded.error'),
              completed_at: eb.ref('excluded.completed_at'), duration_ms: eb.ref('excluded.duration_ms'),
            })))
            .execute();
        }
        for (let index = 0; index < blocks.length; index += 500) {
          await trx.insertInto('execution_blocks').values(blocks.slice(index, index + 500)).execute();
        }
      });
    },
    findOfUser: (userId: string, id: string) =>
      db.selectFrom('executions').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),
    blocksOf: (executionId: string) =>
      db.selectFrom('execution_blocks').selectAll().where('execution_id', '=', executionId).execute(),
    async list(filter: ExecutionFilter, limit: number, offset: number): Promise<{ rows: ExecutionRow[]; total: number }> {
      const rows = await filtered(filter).selectAll().orderBy('started_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      const count = await filtered(filter).select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow();
      return { rows, total: Number(count.total) };
    },
    /** Count and average duration per status. */
    stats: (filter: ExecutionFilter) =>
      filtered(filter)
        .select((eb) => ['status', eb.fn.countAll<number | string>().as('count'), sql<number | string | null>`avg(duration_ms)`.as('avg_duration_ms')])
        .groupBy('status')
        .execute(),
    /** Records a live process (runner) that runs agents. */
    async registerRunner(id: string, nowIso: string): Promise<void> {
      await db.insertInto('agent_runners').values({ id, started_at: nowIso, heartbeat_at: nowIso }).execute();
    },
    async heartbeat(id: string, nowIso: string): Promise<void> {
      await db.updateTable('agent_runners').set({ heartbeat_at: nowIso }).where('id', '=', id).execute();
    },
    async removeRunner(id: string): Promise<void> {
      await db.deleteFrom('agent_runners').where('id', '=', id).execute();
    },
    /**
     * Runs left `running` by processes that stopped (no heartbeat since `aliveSinceIso`, or no runner recorded)
     * become `failed` (`interrupted`); the stopped runners are forgotten. Returns how many runs were failed.
     */
    async failRunning(error: string, completedAt: string, aliveSinceIso: string): Promise<number> {
      const alive = db.selectFrom('agent_runners').select('id').where('heartbeat_at', '>=', aliveSinceIso);
      const result = await db.updateTable('executions').set({ status: 'failed', error, completed_at: completedAt })
        .where('status', '=', 'running')
        .where((eb) => eb.or([eb('runner_id', 'is', null), eb('runner_id', 'not in', alive)]))
        .executeTakeFirst();
      await db.deleteFrom('agent_runners').where('heartbeat_at', '<', aliveSinceIso).execute();
      return Number(result.numUpdatedRows);
    },
    /** Deletes executions (and their blocks, by cascade) started before `cutoffIso`; returns how many. */
    async deleteStartedBefore(cutoffIso: string): Promise<number> {
      const result = await db.deleteFrom('executions').where('started_at', '<', cutoffIso).where('status', '!=', 'running').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type ExecutionsRepository = ReturnType<typeof createExecutionsRepository>;
