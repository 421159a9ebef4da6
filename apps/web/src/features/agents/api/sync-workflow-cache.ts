import type { Workflow } from '@claraverse/engine';
import type { WorkflowResponse } from '@claraverse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { agentsQueryKeys } from './agents-paths';

/**
 * After the server saved a workflow outside the editor's own save (a restored or a snapshotted version): the
 * cached workflow becomes the saved one, and the versions, the agent (its version) and the list are read again.
 */
export async function syncWorkflowCache(queryClient: QueryClient, agentId: string, response: WorkflowResponse): Promise<void> {
  queryClient.setQueryData(agentsQueryKeys.workflow(agentId), { workflow: response.workflow as unknown as Workflow, version: response.version });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.versions(agentId), exact: true }),
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.agent(agentId), exact: true }),
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list }),
  ]);
}
