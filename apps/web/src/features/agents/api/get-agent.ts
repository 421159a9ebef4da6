import { agentResponseSchema, type Agent } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentPath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id → one agent (its name and status for the editor's header). */
export async function getAgent(agentId: string): Promise<Agent> {
  const response = await apiClient.request(agentPath(agentId), { schema: agentResponseSchema });
  return response.agent;
}

export const agentQueryOptions = (agentId: string) => queryOptions({ queryKey: agentsQueryKeys.agent(agentId), queryFn: () => getAgent(agentId) });

export function useAgent(agentId: string) {
  return useQuery(agentQueryOptions(agentId));
}
