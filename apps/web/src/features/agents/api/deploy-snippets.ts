import { deploySnippetsSchema } from '@claraverse/shared';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentDeployPath, agentsQueryKeys } from './agents-paths';

/** GET /api/agents/:id/deploy → the trigger endpoint and ready-to-paste examples (curl, Python, JavaScript, Go). */
export function useDeploySnippets(agentId: string) {
  return useQuery({
    queryKey: agentsQueryKeys.deploySnippets(agentId),
    queryFn: () => apiClient.request(agentDeployPath(agentId), { schema: deploySnippetsSchema }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
