import { executionStatsSchema, type ExecutionStats } from '@claraverse/shared';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentExecutionStatsPath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id/executions/stats: counts, success rate and average durations by status. */
export function getExecutionStats(agentId: string): Promise<ExecutionStats> {
  return apiClient.request(agentExecutionStatsPath(agentId), { schema: executionStatsSchema });
}

export function useExecutionStats(agentId: string) {
  return useQuery({ queryKey: agentsQueryKeys.executionStats(agentId), queryFn: () => getExecutionStats(agentId) });
}
