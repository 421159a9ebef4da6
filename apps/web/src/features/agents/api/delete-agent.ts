import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentPath, agentsQueryKeys } from './agents-paths';

/** DELETE /api/agents/:id (204): the agent with its workflow and versions. */
export async function deleteAgent(agentId: string): Promise<void> {
  await apiClient.request(agentPath(agentId), { method: 'DELETE' });
}

export function useDeleteAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAgent,
    onSuccess: async (_result, agentId) => {
      queryClient.removeQueries({ queryKey: agentsQueryKeys.agent(agentId) });
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list });
    },
  });
}
