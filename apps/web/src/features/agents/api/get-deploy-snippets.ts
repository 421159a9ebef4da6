import { deploySnippetsSchema, type DeploySnippets } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentDeployPath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id/deploy → the trigger endpoint and ready-to-paste examples (curl, Python, JavaScript, Go). */
export async function getDeploySnippets(agentId: string): Promise<DeploySnippets> {
  return apiClient.request(agentDeployPath(agentId), { schema: deploySnippetsSchema });
}

/**
 * The examples depend on the saved workflow (a start block that takes a file uploads first), so they are read
 * once per saved version of it.
 */
export const deploySnippetsQueryOptions = (agentId: string, workflowVersion: number) =>
  queryOptions({ queryKey: agentsQueryKeys.deploySnippets(agentId, workflowVersion), queryFn: () => getDeploySnippets(agentId), staleTime: Number.POSITIVE_INFINITY });

export function useDeploySnippets(agentId: string, workflowVersion: number) {
  return useQuery(deploySnippetsQueryOptions(agentId, workflowVersion));
}
