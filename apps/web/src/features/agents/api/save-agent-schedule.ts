import { scheduleResponseSchema, type CreateScheduleBody, type Schedule, type UpdateScheduleBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentSchedulePath, agentsQueryKeys } from './agents-paths';

/**
 * POST (a new schedule, 201) or PUT (change it) /api/agents/:id/schedule; the server checks the expression and
 * the time zone. @throws ApiError validation_failed, conflict (the plan's limit of active schedules)
 */
export async function saveAgentSchedule(agentId: string, body: CreateScheduleBody | UpdateScheduleBody, exists: boolean): Promise<Schedule> {
  const response = await apiClient.request(agentSchedulePath(agentId), { method: exists ? 'PUT' : 'POST', body, schema: scheduleResponseSchema });
  return response.schedule;
}

export function useSaveAgentSchedule(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, exists }: { body: CreateScheduleBody | UpdateScheduleBody; exists: boolean }) => saveAgentSchedule(agentId, body, exists),
    onSuccess: async (schedule) => {
      queryClient.setQueryData(agentsQueryKeys.schedule(agentId), schedule);
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.scheduleUsage });
    },
  });
}
