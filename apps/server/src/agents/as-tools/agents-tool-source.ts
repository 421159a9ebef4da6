import type { ExecutionStatus } from '@claraverse/shared';
import { AppError } from '../../platform/errors/app-error.js';
import type { AgentRow } from '../../platform/database/tables.js';
import type { DynamicTool, DynamicToolSource } from '../../tools/define-tool.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import { agentInputSchema } from './agent-input-schema.js';
import { agentToolNames } from './agent-tool-names.js';

/** The `source` of agents' tools in the registry (the engine's own tool list leaves them out: sub_agent blocks do that job). */
export const agentsToolSourceName = 'agent';

/** How many of a user's agents become tools (the newest first); more would crowd the model's tool list. */
const maxAgentTools = 100;

/** Agents offered as tools: those switched on (`active` or `deployed`) with a saved workflow. */
const isCallable = (agent: AgentRow) => (agent.status === 'active' || agent.status === 'deployed') && agent.workflow !== null;

/** What an agent tool answers the model: the run's end, or why it could not run. */
export interface AgentToolResult {
  status: ExecutionStatus;
  output: unknown;
  error?: { code: string; message: string };
  executionId?: string;
}

/**
 * Each of the user's callable agents as a dynamic tool `agent_<slug>` of input `{ input }` (the start block's
 * input): calling it runs the agent (trigger `chat`) and answers `{ status, output }`; a run that cannot start or
 * fails answers `status: failed` with the error, for the model to read.
 */
export function createAgentsToolSource(deps: { agentsRepository: AgentsRepository; runs: AgentRunsService }): DynamicToolSource {
  async function run(userId: string, agentId: string, input: unknown, signal: AbortSignal): Promise<AgentToolResult> {
    try {
      const started = await deps.runs.start(userId, agentId, input, { trigger: 'chat', parentSignal: signal, recordStartFirst: false });
      const ended = await started.done;
      return {
        status: ended.status, output: ended.output, executionId: ended.id,
        ...(ended.error ? { error: { code: ended.error.code, message: ended.error.message } } : {}),
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { status: 'failed', output: null, error: { code: error.code, message: error.message } };
    }
  }

  return {
    async listTools(userId) {
      const { rows } = await deps.agentsRepository.listOfUser(userId, maxAgentTools, 0);
      const agents = rows.filter(isCallable).sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
      const names = agentToolNames(agents);
      return agents.map((agent, index): DynamicTool => ({
        name: names[index] as string,
        displayName: agent.name,
        description: agent.description.trim() || `Runs the agent "${agent.name}" and returns its output`,
        icon: 'Bot',
        category: 'integrations',
        keywords: [agent.name, 'agent', 'workflow'],
        inputJsonSchema: { type: 'object', properties: { input: agentInputSchema(agent.workflow) }, required: ['input'], additionalProperties: false },
        source: agentsToolSourceName,
        execute: async (args, context) => ({ result: await run(context.userId, agent.id, args['input'], context.signal) }),
      }));
    },
  };
}
