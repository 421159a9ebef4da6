import { scheduleRunResponseSchema } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentSchedulePath, agentsQueryKeys } from './agents-paths';

/** POST /api/agents/:id/schedule/run (202) → the run started now with the schedule's input template. */
export async function runScheduleNow(agentId: string): Promise<{ executionId: string }> {
  return apiClient.request(`${agentSchedulePath(agentId)}/run`, { method: 'POST', schema: scheduleRunResponseSchema });
}

export function useRunScheduleNow(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => runScheduleNow(agentId),
    // Its last run and counts change when the run ends; read them again when asked next.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentsQueryKeys.schedule(agentId) }),
  });
}
