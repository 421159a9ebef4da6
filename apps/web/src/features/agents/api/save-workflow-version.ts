import type { Workflow } from '@claraverse/engine';
import { workflowResponseSchema, type WorkflowResponse } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentWorkflowPath } from './agents-paths';
import { syncWorkflowCache } from './sync-workflow-cache';

/**
 * PUT /api/agents/:id/workflow with `createVersion`: saves the editor's workflow and keeps it as a described
 * snapshot. @throws ApiError validation_failed (the engine's account of the problems)
 */
export async function saveWorkflowVersion(agentId: string, workflow: Workflow, description: string): Promise<WorkflowResponse> {
  return apiClient.request(agentWorkflowPath(agentId), {
    method: 'PUT',
    body: { blocks: workflow.blocks, connections: workflow.connections, variables: workflow.variables, createVersion: true, versionDescription: description },
    schema: workflowResponseSchema,
  });
}

export function useSaveWorkflowVersion(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workflow, description }: { workflow: Workflow; description: string }) => saveWorkflowVersion(agentId, workflow, description),
    onSuccess: (response) => syncWorkflowCache(queryClient, agentId, response),
  });
}
