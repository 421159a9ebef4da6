import { agentResponseSchema, type Agent } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentPath, agentsQueryKeys } from './agents-paths';

/** PUT /api/agents/:id `{ settings }`: the whole settings object (merge with the agent's current one before). */
export function useUpdateAgentSettings(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (settings: Record<string, unknown>): Promise<Agent> =>
      (await apiClient.request(agentPath(agentId), { method: 'PUT', body: { settings }, schema: agentResponseSchema })).agent,
    onSuccess: (agent) => queryClient.setQueryData(agentsQueryKeys.agent(agentId), agent),
  });
}
