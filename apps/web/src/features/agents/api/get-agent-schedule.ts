import { scheduleResponseSchema, type Schedule } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../../lib/api-client';
import { agentSchedulePath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id/schedule → the agent's schedule, or null when it has none (the server's 404). */
export async function getAgentSchedule(agentId: string): Promise<Schedule | null> {
  try {
    return (await apiClient.request(agentSchedulePath(agentId), { schema: scheduleResponseSchema })).schedule;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

export const agentScheduleQueryOptions = (agentId: string) => queryOptions({ queryKey: agentsQueryKeys.schedule(agentId), queryFn: () => getAgentSchedule(agentId) });

export function useAgentSchedule(agentId: string) {
  return useQuery(agentScheduleQueryOptions(agentId));
}
