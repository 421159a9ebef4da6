/**
 * Query keys of the agents feature. `list` is the list page; `agent(id)` prefixes the agent and its workflow, so
 * one invalidation refreshes both after a save.
 */
export const agentsQueryKeys = {
  all: ['agents'] as const,
  list: ['agents', 'list'] as const,
  agent: (agentId: string) => ['agents', 'one', agentId] as const,
  workflow: (agentId: string) => ['agents', 'one', agentId, 'workflow'] as const,
};

export const agentsPath = '/api/agents';

export function agentPath(agentId: string): string {
  return `${agentsPath}/${encodeURIComponent(agentId)}`;
}

export function agentWorkflowPath(agentId: string): string {
  return `${agentPath(agentId)}/workflow`;
}
