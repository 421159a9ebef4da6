import type { AskAgentBody, AskAgentResponse, GenerateSampleInputBody, SampleInputResponse, WorkflowDocument } from '@claraverse/shared';
import { checkJsonSchema } from '@claraverse/engine';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentRow } from '../../platform/database/tables.js';
import type { AgentsRepository } from '../agents.repository.js';
import { deploySnippets } from '../deploy-snippets.js';
import type { BuilderConversationsService } from './builder-conversations.service.js';
import type { BuilderModel } from './builder-model.js';
import { askSystemPrompt, sampleInputSystemPrompt } from './builder-prompts.js';
import { formatCatalogue, listBuilderTools, type BuilderToolsDeps } from './builder-tools.js';
import { extractJson } from './extract-json.js';

export interface AgentAssistantDeps {
  agentsRepository: Pick<AgentsRepository, 'findOfUser'>;
  complete: BuilderModel;
  tools: BuilderToolsDeps;
  conversations: Pick<BuilderConversationsService, 'history'>;
  /** Counts one generator request of the user. @throws RateLimitedError */
  countRequest(userId: string): Promise<void>;
}

/** The longest workflow JSON given to the model as context; longer is cut with a marker. */
const maxWorkflowContextChars = 100_000;
const clipped = (text: string) => (text.length > maxWorkflowContextChars ? `${text.slice(0, maxWorkflowContextChars)}\n… (workflow truncated: ${text.length} characters in all)` : text);

const workflowOf = (agent: AgentRow): WorkflowDocument => (agent.workflow === null ? { blocks: [], connections: [], variables: [] } : (JSON.parse(agent.workflow) as WorkflowDocument));

/** The start block's config (`variable`, read of `input`), if the workflow has one. */
function startConfig(workflow: WorkflowDocument): Record<string, unknown> | undefined {
  const start = workflow.blocks.find((block) => {
    const config = (block['config'] ?? {}) as Record<string, unknown>;
    return block['type'] === 'variable' && (config['operation'] ?? 'read') === 'read' && config['variableName'] === 'input';
  });
  return start ? ((start['config'] ?? {}) as Record<string, unknown>) : undefined;
}

/** Text input as the model wrote it, without a fence or surrounding quotes. */
function cleanText(answer: string): string {
  const fenced = /^```[a-zA-Z]*\s*\n?([\s\S]*?)```$/.exec(answer.trim());
  const text = (fenced?.[1] ?? answer).trim();
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/**
 * What the builder asks the model about an existing agent without changing it: a sample input for a test run
 * (matching the start block) and Ask mode's answers. Questions and answers are never logged.
 */
export function createAgentAssistant(deps: AgentAssistantDeps) {
  const agentOf = async (userId: string, agentId: string): Promise<AgentRow> => {
    await deps.countRequest(userId);
    const agent = await deps.agentsRepository.findOfUser(userId, agentId);
    if (!agent) throw new NotFoundError('agent', agentId);
    return agent;
  };

  return {
    /** @throws AppError validation_failed (no workflow, file input), upstream_unavailable when the model's JSON is unusable */
    async sampleInput(userId: string, agentId: string, body: GenerateSampleInputBody): Promise<SampleInputResponse> {
      const agent = await agentOf(userId, agentId);
      const workflow = workflowOf(agent);
      if (workflow.blocks.length === 0) throw new AppError('validation_failed', 'This agent has no workflow yet; build one first');
      const config = startConfig(workflow) ?? {};
      const inputType = config['inputType'] ?? 'text';
      if (inputType === 'file') throw new AppError('validation_failed', 'This agent takes a file as input; upload a file to test it');
      const jsonSchema = config['jsonSchema'];
      const answer = await deps.complete(userId, {
        modelId: body.modelId, temperature: 0.7, messages: [{ role: 'user', content: 'Write the sample input now.' }],
        system: sampleInputSystemPrompt({
          inputType: inputType === 'json' ? 'json' : 'text', jsonSchema, agentName: agent.name, agentDescription: agent.description, workflow: clipped(JSON.stringify(workflow.blocks)),
        }),
      });
      if (inputType !== 'json') return { input: cleanText(answer) };
      const input = extractJson(answer);
      const problems = input === undefined ? ['not JSON'] : jsonSchema !== null && typeof jsonSchema === 'object' ? checkJsonSchema(input, jsonSchema as Record<string, unknown>) : [];
      if (problems.length > 0) throw new AppError('upstream_unavailable', `The model's sample input was unusable (${problems.slice(0, 3).join('; ')}); try again`);
      return { input };
    },

    /** Ask mode: a plain-text answer about the agent, with its workflow, the tools and a deploy example as context. */
    async ask(userId: string, agentId: string, body: AskAgentBody, origin: string): Promise<AskAgentResponse> {
      const agent = await agentOf(userId, agentId);
      const history = body.conversationId ? await deps.conversations.history(userId, agentId, body.conversationId) : [];
      const tools = await listBuilderTools(deps.tools, userId);
      const answer = await deps.complete(userId, {
        modelId: body.modelId, temperature: 0.4, messages: [...history, { role: 'user', content: body.message }],
        system: askSystemPrompt({
          agentName: agent.name, agentDescription: agent.description, workflow: clipped(JSON.stringify(workflowOf(agent), null, 1)),
          tools: formatCatalogue(tools.values()), deployExample: deploySnippets(origin, agent.id).curl,
        }),
      });
      return { answer: answer.trim() };
    },
  };
}
export type AgentAssistant = ReturnType<typeof createAgentAssistant>;
