import type { ExecutionRecord, ExecutionStats, ListExecutionsQuery } from '@claraverse/shared';
import { NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentsRepository } from '../agents.repository.js';
import { presentExecution, presentExecutionRecord } from './execution-records.js';
import type { ExecutionsRepository } from './executions.repository.js';

/** Execution history (reference §1.5, §3.6): lists with filters, one record with its blocks, stats per agent. */
export function createExecutionsService(deps: { agentsRepository: AgentsRepository; executionsRepository: ExecutionsRepository }) {
  const { executionsRepository: repository } = deps;
  const assertOwnAgent = async (userId: string, agentId: string) => {
    if (!(await deps.agentsRepository.findOfUser(userId, agentId))) throw new NotFoundError('agent', agentId);
  };

  async function list(userId: string, query: ListExecutionsQuery) {
    const filter = {
      userId, ...(query.agentId ? { agentId: query.agentId } : {}), ...(query.status ? { status: query.status } : {}), ...(query.triggerType ? { trigger: query.triggerType } : {}),
    };
    const { rows, total } = await repository.list(filter, query.limit, (query.page - 1) * query.limit);
    return { executions: rows.map(presentExecution), total, page: query.page, limit: query.limit, hasMore: (query.page - 1) * query.limit + rows.length < total };
  }

  return {
    /** All executions of the user (optionally of one agent). */
    list,

    /** One agent's executions. @throws NotFoundError */
    async listOfAgent(userId: string, agentId: string, query: ListExecutionsQuery) {
      await assertOwnAgent(userId, agentId);
      return list(userId, { ...query, agentId });
    },

    /** One execution with its blocks. @throws NotFoundError (unknown or another user's) */
    async get(userId: string, executionId: string): Promise<ExecutionRecord> {
      const row = await repository.findOfUser(userId, executionId);
      if (!row) throw new NotFoundError('execution', executionId);
      return presentExecutionRecord(row, await repository.blocksOf(executionId));
    },

    /** `{ total, successCount, failedCount, successRate, byStatus }` of one agent. @throws NotFoundError */
    async stats(userId: string, agentId: string): Promise<ExecutionStats> {
      await assertOwnAgent(userId, agentId);
      const rows = await repository.stats({ userId, agentId });
      const byStatus: ExecutionStats['byStatus'] = {};
      for (const row of rows) {
        byStatus[row.status] = { count: Number(row.count), avgDurationMs: row.avg_duration_ms === null ? null : Math.round(Number(row.avg_duration_ms)) };
      }
      const total = rows.reduce((sum, row) => sum + Number(row.count), 0);
      const successCount = byStatus.completed?.count ?? 0;
      const failedCount = byStatus.failed?.count ?? 0;
      return { total, successCount, failedCount, successRate: total === 0 ? 0 : successCount / total, byStatus };
    },
  };
}
export type ExecutionsService = ReturnType<typeof createExecutionsService>;
