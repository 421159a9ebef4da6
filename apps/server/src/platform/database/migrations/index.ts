import type { Migration } from 'kysely';
import * as createUsersAndSessions from './20261125120000-create-users-and-sessions.js';
import * as createProvidersAndModels from './20261125130000-create-providers-and-models.js';
import * as createUsageCounters from './20261125140000-create-usage-counters.js';
import * as createApiKeys from './20261125150000-create-api-keys.js';
import * as createFiles from './20261201100000-create-files.js';
import * as createMcpServers from './20261201200000-create-mcp-servers.js';
import * as createCredentials from './20261202100000-create-credentials.js';
import * as createAgentsAndExecutions from './20261203100000-create-agents-and-executions.js';
import * as createAgentSchedules from './20261203110000-create-agent-schedules.js';
import * as createAgentWebhooks from './20261203120000-create-agent-webhooks.js';
import * as addAgentRunners from './20261203130000-add-agent-runners.js';
import * as createAgentBuilderConversations from './20261204100000-create-agent-builder-conversations.js';

/**
 * Every migration, in order, by name. An explicit list (not a folder scan) so the compiled server and the
 * tests run exactly the same set; `migrations.test.ts` fails when a file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '20261125120000-create-users-and-sessions': createUsersAndSessions,
  '20261125130000-create-providers-and-models': createProvidersAndModels,
  '20261125140000-create-usage-counters': createUsageCounters,
  '20261125150000-create-api-keys': createApiKeys,
  '20261201100000-create-files': createFiles,
  '20261201200000-create-mcp-servers': createMcpServers,
  '20261202100000-create-credentials': createCredentials,
  '20261203100000-create-agents-and-executions': createAgentsAndExecutions,
  '20261203110000-create-agent-schedules': createAgentSchedules,
  '20261203120000-create-agent-webhooks': createAgentWebhooks,
  '20261203130000-add-agent-runners': addAgentRunners,
  '20261204100000-create-agent-builder-conversations': createAgentBuilderConversations,
};
