import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentSchedulePath, agentsQueryKeys } from './agents-paths';

/** DELETE /api/agents/:id/schedule (204). */
export async function deleteAgentSchedule(agentId: string): Promise<void> {
  await apiClient.request(agentSchedulePath(agentId), { method: 'DELETE' });
}

export function useDeleteAgentSchedule(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteAgentSchedule(agentId),
    onSuccess: async () => {
      queryClient.setQueryData(agentsQueryKeys.schedule(agentId), null);
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.scheduleUsage });
    },
  });
}
