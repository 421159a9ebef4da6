import { workflowResponseSchema, type WorkflowResponse } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentRestorePath } from './agents-paths';
import { syncWorkflowCache } from './sync-workflow-cache';

/** POST /api/agents/:id/workflow/restore/:version → the snapshot saved as the new current version ("Restored from version N"). */
export async function restoreWorkflowVersion(agentId: string, version: number): Promise<WorkflowResponse> {
  return apiClient.request(agentRestorePath(agentId, version), { method: 'POST', schema: workflowResponseSchema });
}

export function useRestoreWorkflowVersion(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => restoreWorkflowVersion(agentId, version),
    onSuccess: (response) => syncWorkflowCache(queryClient, agentId, response),
  });
}
