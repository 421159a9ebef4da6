import type { Workflow } from '@claraverse/engine';
import { workflowResponseSchema, type WorkflowResponse } from '@claraverse/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentWorkflowPath, agentsQueryKeys } from './agents-paths';

/**
 * GET /api/agents/:id/workflow → the current workflow (empty for a new agent) and its version. The server stored
 * it after the engine validated it, so it is read as the engine's `Workflow` without checking it again here.
 */
export async function getAgentWorkflow(agentId: string): Promise<{ workflow: Workflow; version: number }> {
  const response = await apiClient.request(agentWorkflowPath(agentId), { schema: workflowResponseSchema });
  return { workflow: response.workflow as unknown as Workflow, version: response.version };
}

export const agentWorkflowQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: agentsQueryKeys.workflow(agentId),
    queryFn: () => getAgentWorkflow(agentId),
    // The editor reads the workflow once; a refetch in the background must not look like a change.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useAgentWorkflow(agentId: string) {
  return useQuery(agentWorkflowQueryOptions(agentId));
}

/**
 * PUT /api/agents/:id/workflow: the server validates with the engine and answers 400 `validation_failed` with
 * `details.blockIds` and a sentence naming the problems; the rejection reaches the editor's save, which shows it.
 */
export async function saveAgentWorkflow(agentId: string, workflow: Workflow): Promise<WorkflowResponse> {
  return apiClient.request(agentWorkflowPath(agentId), {
    method: 'PUT',
    body: { blocks: workflow.blocks, connections: workflow.connections, variables: workflow.variables },
    schema: workflowResponseSchema,
  });
}

export function useSaveAgentWorkflow(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workflow: Workflow) => saveAgentWorkflow(agentId, workflow),
    onSuccess: async () => {
      // The list's block count and date, and the agent's version, changed; the editor keeps its own copy.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list }),
        queryClient.invalidateQueries({ queryKey: agentsQueryKeys.agent(agentId), exact: true }),
      ]);
    },
  });
}
