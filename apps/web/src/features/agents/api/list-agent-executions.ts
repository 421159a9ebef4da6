import { executionsPageSchema, type ExecutionStatus, type ExecutionTrigger } from '@claraverse/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { agentExecutionsPath, agentsQueryKeys } from './agents-paths';

/** How often a list or run that is still running is read again. */
export const runningRefetchMilliseconds = 3_000;

export type ExecutionsPage = z.infer<typeof executionsPageSchema>;

export interface ExecutionFilters {
  page: number;
  limit: number;
  status?: ExecutionStatus | undefined;
  triggerType?: ExecutionTrigger | undefined;
}

/** GET /api/agents/:id/executions: one page of the agent's runs, newest first, optionally by status and trigger. */
export function listAgentExecutions(agentId: string, filters: ExecutionFilters): Promise<ExecutionsPage> {
  return apiClient.request(agentExecutionsPath(agentId), { query: { ...filters }, schema: executionsPageSchema });
}

export function useAgentExecutions(agentId: string, filters: ExecutionFilters) {
  return useQuery({
    queryKey: agentsQueryKeys.executionsPage(agentId, filters),
    queryFn: () => listAgentExecutions(agentId, filters),
    // Paging keeps the previous page on screen until the next one is there.
    placeholderData: keepPreviousData,
    // Runs still going (a schedule, the API, another tab) are read again until they end.
    refetchInterval: (query) => (query.state.data?.executions.some((execution) => execution.status === 'running') ? runningRefetchMilliseconds : false),
  });
}
