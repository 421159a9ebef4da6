import { workflowVersionsResponseSchema } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, agentVersionsPath } from './agents-paths';

export type WorkflowVersionSummary = z.infer<typeof workflowVersionsResponseSchema>['versions'][number];

/** GET /api/agents/:id/workflow/versions → the saved snapshots, newest first. */
export async function listWorkflowVersions(agentId: string): Promise<WorkflowVersionSummary[]> {
  const response = await apiClient.request(agentVersionsPath(agentId), { schema: workflowVersionsResponseSchema });
  return response.versions;
}

/** Read again whenever the tab opens: the builder chat and restores add versions meanwhile. */
export const workflowVersionsQueryOptions = (agentId: string) =>
  queryOptions({ queryKey: agentsQueryKeys.versions(agentId), queryFn: () => listWorkflowVersions(agentId), staleTime: 0 });

export function useWorkflowVersions(agentId: string) {
  return useQuery(workflowVersionsQueryOptions(agentId));
}
