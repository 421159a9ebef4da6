import { agentResponseSchema, type Agent } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentPath, agentsQueryKeys } from './agents-paths';

/** POST /api/agents/:id/duplicate (201 `{ agent }`): a draft copy with the workflow, without triggers or secrets. */
export async function duplicateAgent(agentId: string): Promise<Agent> {
  const response = await apiClient.request(`${agentPath(agentId)}/duplicate`, { method: 'POST', schema: agentResponseSchema });
  return response.agent;
}

export function useDuplicateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: duplicateAgent,
    onSuccess: async (agent) => {
      queryClient.setQueryData(agentsQueryKeys.agent(agent.id), agent);
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list });
    },
  });
}
