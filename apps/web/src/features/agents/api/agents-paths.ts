/**
 * Query keys of the agents feature. `list` is the list page; `agent(id)` prefixes the agent and its workflow, so
 * one invalidation refreshes both after a save.
 */
export const agentsQueryKeys = {
  all: ['agents'] as const,
  list: ['agents', 'list'] as const,
  agent: (agentId: string) => ['agents', 'one', agentId] as const,
  workflow: (agentId: string) => ['agents', 'one', agentId, 'workflow'] as const,
  versions: (agentId: string) => ['agents', 'one', agentId, 'versions'] as const,
  version: (agentId: string, version: number) => ['agents', 'one', agentId, 'versions', version] as const,
  schedule: (agentId: string) => ['agents', 'one', agentId, 'schedule'] as const,
  webhook: (agentId: string) => ['agents', 'one', agentId, 'webhook'] as const,
  deploySnippets: (agentId: string, workflowVersion: number) => ['agents', 'one', agentId, 'deploy', workflowVersion] as const,
  scheduleUsage: ['agents', 'schedule-usage'] as const,
  /** Prefixes every page and filter of the agent's executions, and its stats: one invalidation after a run. */
  executions: (agentId: string) => ['agents', 'one', agentId, 'executions'] as const,
  executionsPage: (agentId: string, filters: object) => ['agents', 'one', agentId, 'executions', 'page', filters] as const,
  executionStats: (agentId: string) => ['agents', 'one', agentId, 'executions', 'stats'] as const,
  execution: (executionId: string) => ['agents', 'execution', executionId] as const,
};

export const agentsPath = '/api/agents';

export function agentPath(agentId: string): string {
  return `${agentsPath}/${encodeURIComponent(agentId)}`;
}

export function agentWorkflowPath(agentId: string): string {
  return `${agentPath(agentId)}/workflow`;
}

export function agentVersionsPath(agentId: string): string {
  return `${agentWorkflowPath(agentId)}/versions`;
}

export function agentVersionPath(agentId: string, version: number): string {
  return `${agentVersionsPath(agentId)}/${version}`;
}

export function agentRestorePath(agentId: string, version: number): string {
  return `${agentWorkflowPath(agentId)}/restore/${version}`;
}

export function agentSchedulePath(agentId: string): string {
  return `${agentPath(agentId)}/schedule`;
}

export const scheduleUsagePath = '/api/schedules/usage';

export function agentWebhookPath(agentId: string): string {
  return `${agentPath(agentId)}/webhook`;
}

export function agentDeployPath(agentId: string): string {
  return `${agentPath(agentId)}/deploy`;
}

export const apiKeysPath = '/api/keys';

export function agentExecutionsPath(agentId: string): string {
  return `${agentPath(agentId)}/executions`;
}

export function agentExecutionStatsPath(agentId: string): string {
  return `${agentExecutionsPath(agentId)}/stats`;
}

export function executionPath(executionId: string): string {
  return `/api/executions/${encodeURIComponent(executionId)}`;
}

export function sampleInputPath(agentId: string): string {
  return `${agentPath(agentId)}/generate-sample-input`;
}
