import { deploySnippetsSchema, type DeploySnippets } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentDeployPath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id/deploy → the trigger endpoint and ready-to-paste examples (curl, Python, JavaScript, Go). */
export async function getDeploySnippets(agentId: string): Promise<DeploySnippets> {
  return apiClient.request(agentDeployPath(agentId), { schema: deploySnippetsSchema });
}

/** The examples depend only on the agent id and the server's address: read once. */
export const deploySnippetsQueryOptions = (agentId: string) =>
  queryOptions({ queryKey: agentsQueryKeys.deploySnippets(agentId), queryFn: () => getDeploySnippets(agentId), staleTime: Number.POSITIVE_INFINITY });

export function useDeploySnippets(agentId: string) {
  return useQuery(deploySnippetsQueryOptions(agentId));
}
