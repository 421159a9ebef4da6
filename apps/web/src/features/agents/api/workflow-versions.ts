import type { Workflow } from '@claraverse/engine';
import { workflowResponseSchema, workflowVersionResponseSchema, workflowVersionsResponseSchema, type WorkflowResponse } from '@claraverse/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { agentRestorePath, agentsQueryKeys, agentVersionPath, agentVersionsPath, agentWorkflowPath } from './agents-paths';

export type WorkflowVersionSummary = z.infer<typeof workflowVersionsResponseSchema>['versions'][number];
export interface WorkflowVersion extends WorkflowVersionSummary {
  workflow: Workflow;
}

/** GET /api/agents/:id/workflow/versions → the saved snapshots, newest first. */
export async function listWorkflowVersions(agentId: string): Promise<WorkflowVersionSummary[]> {
  const response = await apiClient.request(agentVersionsPath(agentId), { schema: workflowVersionsResponseSchema });
  return response.versions;
}

export function useWorkflowVersions(agentId: string) {
  return useQuery(queryOptions({ queryKey: agentsQueryKeys.versions(agentId), queryFn: () => listWorkflowVersions(agentId), staleTime: 0 }));
}

/** GET /api/agents/:id/workflow/versions/:version → one snapshot (validated by the engine when it was saved). */
export async function getWorkflowVersion(agentId: string, version: number): Promise<WorkflowVersion> {
  const response = await apiClient.request(agentVersionPath(agentId, version), { schema: workflowVersionResponseSchema });
  return { ...response, workflow: response.workflow as unknown as Workflow };
}

/** One snapshot; versions never change, so it is read once. `version` undefined: nothing to read yet. */
export function useWorkflowVersion(agentId: string, version: number | undefined) {
  return useQuery({
    queryKey: agentsQueryKeys.version(agentId, version ?? 0),
    queryFn: () => getWorkflowVersion(agentId, version ?? 0),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

async function afterWorkflowChange(queryClient: ReturnType<typeof useQueryClient>, agentId: string, response: WorkflowResponse) {
  // The editor now holds what the server holds: the cached workflow follows, the list and the agent refresh.
  queryClient.setQueryData(agentsQueryKeys.workflow(agentId), { workflow: response.workflow as unknown as Workflow, version: response.version });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.versions(agentId), exact: true }),
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.agent(agentId), exact: true }),
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list }),
  ]);
}

/** POST /api/agents/:id/workflow/restore/:version → the snapshot saved as the new current version ("Restored from version N"). */
export async function restoreWorkflowVersion(agentId: string, version: number): Promise<WorkflowResponse> {
  return apiClient.request(agentRestorePath(agentId, version), { method: 'POST', schema: workflowResponseSchema });
}

export function useRestoreWorkflowVersion(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => restoreWorkflowVersion(agentId, version),
    onSuccess: (response) => afterWorkflowChange(queryClient, agentId, response),
  });
}

/** PUT /api/agents/:id/workflow with `createVersion`: saves the editor's workflow and keeps it as a named snapshot. */
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
    onSuccess: (response) => afterWorkflowChange(queryClient, agentId, response),
  });
}
