import {
  scheduleResponseSchema,
  scheduleRunResponseSchema,
  scheduleUsageSchema,
  type CreateScheduleBody,
  type Schedule,
  type UpdateScheduleBody,
} from '@claraverse/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiClient } from '../../../lib/api-client';
import { agentSchedulePath, agentsQueryKeys, scheduleUsagePath } from './agents-paths';

export type ScheduleUsage = z.infer<typeof scheduleUsageSchema>;

/** GET /api/agents/:id/schedule → the agent's schedule, or null when it has none (the server's 404). */
export async function getAgentSchedule(agentId: string): Promise<Schedule | null> {
  try {
    return (await apiClient.request(agentSchedulePath(agentId), { schema: scheduleResponseSchema })).schedule;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

export function useAgentSchedule(agentId: string) {
  return useQuery({ queryKey: agentsQueryKeys.schedule(agentId), queryFn: () => getAgentSchedule(agentId) });
}

/** GET /api/schedules/usage → active and paused schedules against the plan's limit (-1: unlimited). */
export function useScheduleUsage() {
  return useQuery({ queryKey: agentsQueryKeys.scheduleUsage, queryFn: () => apiClient.request(scheduleUsagePath, { schema: scheduleUsageSchema }) });
}

function useScheduleMutation<TVariables>(agentId: string, request: (variables: TVariables) => Promise<Schedule | null>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async (schedule) => {
      queryClient.setQueryData(agentsQueryKeys.schedule(agentId), schedule);
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.scheduleUsage });
    },
  });
}

/** POST (a new schedule) or PUT (change it): the server checks the expression and the time zone. */
export function useSaveAgentSchedule(agentId: string) {
  return useScheduleMutation(agentId, async ({ body, exists }: { body: CreateScheduleBody | UpdateScheduleBody; exists: boolean }) => {
    const response = await apiClient.request(agentSchedulePath(agentId), { method: exists ? 'PUT' : 'POST', body, schema: scheduleResponseSchema });
    return response.schedule;
  });
}

/** DELETE /api/agents/:id/schedule (204). */
export function useDeleteAgentSchedule(agentId: string) {
  return useScheduleMutation(agentId, async () => {
    await apiClient.request(agentSchedulePath(agentId), { method: 'DELETE' });
    return null;
  });
}

/** POST /api/agents/:id/schedule/run (202) → the run started now with the schedule's input. */
export function useRunScheduleNow(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.request(`${agentSchedulePath(agentId)}/run`, { method: 'POST', schema: scheduleRunResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsQueryKeys.schedule(agentId) }),
  });
}
