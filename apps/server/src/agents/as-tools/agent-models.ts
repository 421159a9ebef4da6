import type { ExecutionError, ExecutionStatus } from '@claraverse/shared';
import { AppError } from '../../platform/errors/app-error.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';

/** `agent:<id>`: how `/v1/chat/completions` names an agent as a model. */
export const agentModelPrefix = 'agent:';

/** The most agents `GET /v1/models` lists (the newest first). */
const maxListedAgents = 100;

/** A run's end as an OpenAI-compatible answer needs it. */
export interface AgentModelAnswer {
  status: ExecutionStatus;
  output: unknown;
  error: ExecutionError | null;
}

/**
 * The user's agents as OpenAI-compatible models (`agent:<id>`): listed with the models and run like one. What
 * `/v1/chat/completions` uses when `model` starts with `agent:`.
 */
export interface AgentModels {
  list(userId: string): Promise<Array<{ id: string; name: string }>>;
  /**
   * Runs `agent:<id>` of this user with `input` (trigger `api`) and waits for its end.
   * @throws NotFoundError (unknown or another user's agent), validation_failed (no workflow, input refused)
   */
  run(userId: string, model: string, input: unknown, signal: AbortSignal): Promise<AgentModelAnswer>;
}

/** The agent models over the agents repository and the run service. */
export function createAgentModels(deps: { agentsRepository: AgentsRepository; runs: AgentRunsService }): AgentModels {
  return {
    async list(userId) {
      const { rows } = await deps.agentsRepository.listOfUser(userId, maxListedAgents, 0);
      return rows.filter((agent) => agent.workflow !== null).map((agent) => ({ id: `${agentModelPrefix}${agent.id}`, name: agent.name }));
    },
    async run(userId, model, input, signal) {
      const agentId = model.slice(agentModelPrefix.length);
      if (!agentId) throw new AppError('validation_failed', 'The model "agent:" names no agent; use agent:<id>');
      const started = await deps.runs.start(userId, agentId, input, { trigger: 'api', parentSignal: signal, recordStartFirst: false });
      const ended = await started.done;
      return { status: ended.status, output: ended.output, error: ended.error };
    },
  };
}

/** The agent's output as the assistant's text: a string as is, anything else as JSON. */
export function agentOutputText(output: unknown): string {
  return typeof output === 'string' ? output : JSON.stringify(output ?? null);
}
