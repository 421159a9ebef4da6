import { agentResponseSchema, type Agent } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentPath, agentsQueryKeys } from './agents-paths';

/** PUT /api/agents/:id `{ settings }`: replaces the whole settings object (merge with the agent's current one first). */
export async function updateAgentSettings(agentId: string, settings: Record<string, unknown>): Promise<Agent> {
  return (await apiClient.request(agentPath(agentId), { method: 'PUT', body: { settings }, schema: agentResponseSchema })).agent;
}

export function useUpdateAgentSettings(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Record<string, unknown>) => updateAgentSettings(agentId, settings),
    onSuccess: (agent) => queryClient.setQueryData(agentsQueryKeys.agent(agentId), agent),
  });
}
