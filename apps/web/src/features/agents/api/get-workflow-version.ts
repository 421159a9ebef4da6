import type { Workflow } from '@claraverse/engine';
import { workflowVersionResponseSchema } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, agentVersionPath } from './agents-paths';
import type { WorkflowVersionSummary } from './list-workflow-versions';

export interface WorkflowVersion extends WorkflowVersionSummary {
  workflow: Workflow;
}

/** GET /api/agents/:id/workflow/versions/:version → one snapshot (the engine validated it when it was saved). */
export async function getWorkflowVersion(agentId: string, version: number): Promise<WorkflowVersion> {
  const response = await apiClient.request(agentVersionPath(agentId, version), { schema: workflowVersionResponseSchema });
  return { ...response, workflow: response.workflow as unknown as Workflow };
}

/** A snapshot never changes, so it is read once. */
export const workflowVersionQueryOptions = (agentId: string, version: number) =>
  queryOptions({ queryKey: agentsQueryKeys.version(agentId, version), queryFn: () => getWorkflowVersion(agentId, version), staleTime: Number.POSITIVE_INFINITY });

/** One snapshot; `version` undefined: nothing to read yet. */
export function useWorkflowVersion(agentId: string, version: number | undefined) {
  return useQuery({ ...workflowVersionQueryOptions(agentId, version ?? 0), enabled: version !== undefined });
}
