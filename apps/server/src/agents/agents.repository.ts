import type { Kysely } from 'kysely';
import type { AgentRow, Database, WorkflowVersionRow } from '../platform/database/tables.js';

/** SQL over `agents` and `workflow_versions`. Every read is scoped to the owner. */
export function createAgentsRepository(db: Kysely<Database>) {
  return {
    async insert(row: AgentRow): Promise<void> {
      await db.insertInto('agents').values(row).execute();
    },
    findOfUser: (userId: string, id: string) =>
      db.selectFrom('agents').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst(),
    async listOfUser(userId: string, limit: number, offset: number): Promise<{ rows: AgentRow[]; total: number }> {
      const rows = await db.selectFrom('agents').selectAll().where('user_id', '=', userId)
        .orderBy('updated_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
      const count = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return { rows, total: Number(count.total) };
    },
    /**
     * The latest run of each of these agents (reads `executions`, whose index on agent and start time answers it),
     * for the agents list.
     */
    async latestRuns(agentIds: readonly string[]): Promise<Map<string, { id: string; status: string; started_at: string }>> {
      if (agentIds.length === 0) return new Map();
      const rows = await db.selectFrom('executions as e').select(['e.agent_id', 'e.id', 'e.status', 'e.started_at'])
        .where('e.agent_id', 'in', [...agentIds])
        .where('e.started_at', '=', (eb) => eb.selectFrom('executions as x').select((inner) => inner.fn.max('x.started_at').as('latest')).whereRef('x.agent_id', '=', 'e.agent_id'))
        .orderBy('e.id') // two runs started in the same millisecond: the map keeps one, the same each time
        .execute();
      return new Map(rows.map((row) => [row.agent_id, row]));
    },
    async update(userId: string, id: string, changes: Partial<Omit<AgentRow, 'id' | 'user_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('agents').set(changes).where('id', '=', id).where('user_id', '=', userId).execute();
    },
    /**
     * Saves a new current workflow if the stored version is still `expectedVersion` (two concurrent saves cannot
     * both take the same number); true when saved.
     */
    async saveWorkflow(id: string, expectedVersion: number, changes: Pick<AgentRow, 'workflow' | 'workflow_version' | 'block_count' | 'updated_at'>): Promise<boolean> {
      const result = await db.updateTable('agents').set(changes).where('id', '=', id).where('workflow_version', '=', expectedVersion).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async deleteOfUser(userId: string, id: string): Promise<number> {
      const result = await db.deleteFrom('agents').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async insertVersion(row: WorkflowVersionRow): Promise<void> {
      await db.insertInto('workflow_versions').values(row).execute();
    },
    listVersions: (agentId: string) =>
      db.selectFrom('workflow_versions').select(['version', 'description', 'block_count', 'created_at']).where('agent_id', '=', agentId).orderBy('version', 'desc').execute(),
    findVersion: (agentId: string, version: number) =>
      db.selectFrom('workflow_versions').selectAll().where('agent_id', '=', agentId).where('version', '=', version).executeTakeFirst(),
  };
}
export type AgentsRepository = ReturnType<typeof createAgentsRepository>;
