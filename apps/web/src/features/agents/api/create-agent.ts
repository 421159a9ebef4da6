import { agentResponseSchema, type Agent, type CreateAgentBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentsPath, agentsQueryKeys } from './agents-paths';

/** POST /api/agents (201 `{ agent }`): a draft agent with an empty workflow. */
export async function createAgent(body: Pick<CreateAgentBody, 'name' | 'description'>): Promise<Agent> {
  const response = await apiClient.request(agentsPath, { method: 'POST', body, schema: agentResponseSchema });
  return response.agent;
}

export function useCreateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgent,
    onSuccess: async (agent) => {
      queryClient.setQueryData(agentsQueryKeys.agent(agent.id), agent);
      await queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list });
    },
  });
}
