import {
  defaultAgentNames,
  type GenerateWithToolsBody, type GenerateWorkflowBody, type GenerationResult, type GenerationStep, type GenerationV2Result,
  type SelectToolsBody, type SelectToolsResponse, type SelectedTool, type WorkflowDocument,
} from '@claraverse/shared';
import type { Engine } from '@claraverse/engine';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentRow } from '../../platform/database/tables.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { AgentsService } from '../agents.service.js';
import type { BuilderConversationsService } from './builder-conversations.service.js';
import type { BuilderModel, BuilderTurn } from './builder-model.js';
import { toolSelectionSystemPrompt } from './builder-prompts.js';
import { formatCatalogue, formatToolDetails, listBuilderTools, presentSelectedTool, setupRequiredFor, type BuilderTool, type BuilderToolsDeps } from './builder-tools.js';
import { extractJson } from './extract-json.js';
import { currentWorkflowText, generateWorkflow, type GeneratedWorkflow } from './generate-workflow.js';

export interface AgentGeneratorDeps {
  agentsRepository: Pick<AgentsRepository, 'findOfUser'>;
  agentsService: Pick<AgentsService, 'saveWorkflow' | 'update'>;
  engine: Pick<Engine, 'validate'>;
  complete: BuilderModel;
  tools: BuilderToolsDeps;
  conversations: Pick<BuilderConversationsService, 'history'>;
  /** Counts one generator request of the user. @throws RateLimitedError */
  countRequest(userId: string): Promise<void>;
}

interface Context {
  agent: AgentRow;
  tools: Map<string, BuilderTool>;
  history: BuilderTurn[];
}

/** The selected tools in detail (step 2). */
const detailed = (tools: BuilderTool[]) => ({ section: formatToolDetails(tools), heading: 'id — description — parameters' });

const isDefaultName = (name: string) => defaultAgentNames.some((candidate) => candidate.toLowerCase() === name.trim().toLowerCase());
const hasBlocks = (workflow: { blocks: unknown[] } | undefined): workflow is WorkflowDocument => workflow !== undefined && workflow.blocks.length > 0;

/** Step 1's answer: `{ selectedTools: [{ toolId, reason }], reasoning }` (snake_case tolerated), unknown ids dropped. */
function readSelection(answer: string, tools: Map<string, BuilderTool>): SelectToolsResponse & { repairs: string[] } {
  const parsed = extractJson(answer) as Record<string, unknown> | undefined;
  const repairs: string[] = [];
  if (parsed === undefined || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { selectedTools: [], reasoning: 'The model did not answer with a tool selection; continuing without tools.', repairs: ['The tool selection was not JSON; no tools were selected.'] };
  }
  const listed = parsed['selectedTools'] ?? parsed['selected_tools'];
  const selectedTools: SelectedTool[] = [];
  for (const entry of Array.isArray(listed) ? listed : []) {
    const item = (typeof entry === 'string' ? { toolId: entry } : entry) as Record<string, unknown>;
    const toolId = String(item['toolId'] ?? item['tool_id'] ?? item['name'] ?? '');
    const tool = tools.get(toolId);
    if (!tool) {
      repairs.push(`Dropped the tool "${toolId}" chosen by the model: no such tool.`);
      continue;
    }
    if (selectedTools.some((selected) => selected.toolId === toolId)) continue;
    selectedTools.push(presentSelectedTool(tool, typeof item['reason'] === 'string' ? item['reason'] : ''));
  }
  const reasoning = typeof parsed['reasoning'] === 'string' ? parsed['reasoning'] : '';
  return { selectedTools, reasoning, repairs };
}

/** Saves a generated workflow as a new version, names a still-unnamed agent, lists missing credentials. */
async function saveGenerated(deps: AgentGeneratorDeps, userId: string, context: Context, generated: GeneratedWorkflow, action: 'create' | 'modify', repairs: string[]): Promise<GenerationResult> {
  const saved = await deps.agentsService.saveWorkflow(userId, context.agent.id, {
    ...generated.workflow, createVersion: true, versionDescription: generated.explanation.slice(0, 500),
  });
  if (action === 'create' && isDefaultName(context.agent.name) && generated.suggestedName) {
    await deps.agentsService.update(userId, context.agent.id, {
      name: generated.suggestedName.slice(0, 200),
      ...(context.agent.description.trim() === '' && generated.suggestedDescription ? { description: generated.suggestedDescription } : {}),
    });
  }
  return {
    workflow: saved.workflow, explanation: generated.explanation, action, version: saved.version,
    repairs: [...repairs, ...generated.repairs],
    setupRequired: await setupRequiredFor(deps.tools, userId, saved.workflow, context.tools),
    ...(generated.suggestedName ? { suggestedName: generated.suggestedName } : {}),
    ...(generated.suggestedDescription ? { suggestedDescription: generated.suggestedDescription } : {}),
  };
}

/**
 * The natural-language generator (reference §3.7): tool selection (step 1), generation with the selected tools
 * (step 2), both in one call (v2) or the one-step variant over the whole catalogue. A valid result is saved as a
 * new version described by its explanation; nothing is saved on failure.
 */
export function createAgentGenerator(deps: AgentGeneratorDeps) {
  const contextOf = async (userId: string, agentId: string, conversationId?: string): Promise<Context> => {
    await deps.countRequest(userId);
    const agent = await deps.agentsRepository.findOfUser(userId, agentId);
    if (!agent) throw new NotFoundError('agent', agentId);
    const history = conversationId ? await deps.conversations.history(userId, agentId, conversationId) : [];
    return { agent, tools: await listBuilderTools(deps.tools, userId), history };
  };

  const selectWith = async (userId: string, context: Context, body: { message: string; currentWorkflow?: WorkflowDocument | undefined; modelId?: string | undefined }) => {
    const request = body.currentWorkflow && hasBlocks(body.currentWorkflow)
      ? `${body.message}\n\n(The agent already has these blocks: ${body.currentWorkflow.blocks.map((block) => `${String(block['name'])} [${String(block['type'])}]`).join(', ')}.)`
      : body.message;
    const answer = await deps.complete(userId, {
      modelId: body.modelId, system: toolSelectionSystemPrompt(formatCatalogue(context.tools.values())), temperature: 0.2,
      messages: [...context.history, { role: 'user', content: request }],
    });
    return readSelection(answer, context.tools);
  };

  const generateAndSave = async (userId: string, context: Context, body: GenerateWorkflowBody, tools: { section: string; heading: string }, repairs: string[]): Promise<GenerationResult> => {
    const action = hasBlocks(body.currentWorkflow) ? 'modify' : 'create';
    const generated = await generateWorkflow({ complete: deps.complete, engine: deps.engine }, {
      userId, modelId: body.modelId, message: body.message, history: context.history, toolsSection: tools.section, toolsHeading: tools.heading,
      knownTools: new Set(context.tools.keys()), ...(action === 'modify' ? { currentWorkflow: body.currentWorkflow } : {}),
    });
    return saveGenerated(deps, userId, context, generated, action, repairs);
  };

  return {
    /** Step 1 only. */
    async selectTools(userId: string, agentId: string, body: SelectToolsBody): Promise<SelectToolsResponse> {
      const context = await contextOf(userId, agentId);
      return selectWith(userId, context, body);
    },

    /** Step 2 with the tools of step 1 (unknown ids dropped and reported). */
    async generateWithTools(userId: string, agentId: string, body: GenerateWithToolsBody): Promise<GenerationResult> {
      const context = await contextOf(userId, agentId, body.conversationId);
      const repairs: string[] = [];
      const selected: BuilderTool[] = [];
      for (const toolId of new Set(body.selectedToolIds)) {
        const tool = context.tools.get(toolId);
        if (tool) selected.push(tool);
        else repairs.push(`Dropped the selected tool "${toolId}": no such tool.`);
      }
      return generateAndSave(userId, context, body, detailed(selected), repairs);
    },

    /** One step: the model sees the whole catalogue and picks tools while it writes the workflow. */
    async generateWorkflow(userId: string, agentId: string, body: GenerateWorkflowBody): Promise<GenerationResult> {
      const context = await contextOf(userId, agentId, body.conversationId);
      return generateAndSave(userId, context, body, { section: formatCatalogue(context.tools.values()), heading: 'by category, id: what it does; choose the ones the workflow needs' }, []);
    },

    /** Both steps in one call, with the steps reported. */
    async generateWorkflowV2(userId: string, agentId: string, body: GenerateWorkflowBody): Promise<GenerationV2Result> {
      const context = await contextOf(userId, agentId, body.conversationId);
      if (hasBlocks(body.currentWorkflow)) currentWorkflowText(body.currentWorkflow);
      const selection = await selectWith(userId, context, body);
      const toolIds = selection.selectedTools.map((tool) => tool.toolId);
      const steps: GenerationStep[] = [{
        stepNumber: 1, name: 'Select tools', status: 'completed', tools: toolIds,
        description: toolIds.length > 0 ? `Chose ${toolIds.join(', ')}. ${selection.reasoning}`.trim() : `No tools needed. ${selection.reasoning}`.trim(),
      }];
      const selected = toolIds.map((toolId) => context.tools.get(toolId)).filter((tool): tool is BuilderTool => tool !== undefined);
      let result: GenerationResult;
      try {
        result = await generateAndSave(userId, context, body, detailed(selected), selection.repairs);
      } catch (error) {
        // The 422 also reports the steps, so the builder can show that step 1 worked and what it chose.
        if (!(error instanceof AppError) || error.code !== 'generation_failed') throw error;
        const failed: GenerationStep = { stepNumber: 2, name: 'Generate workflow', status: 'failed', description: error.message };
        throw new AppError('generation_failed', error.message, { ...(error.details as object), steps: [...steps, failed], selectedTools: selection.selectedTools });
      }
      steps.push({ stepNumber: 2, name: 'Generate workflow', status: 'completed', description: `${result.action === 'create' ? 'Created' : 'Modified'} the workflow (${result.workflow.blocks.length} blocks), saved as version ${result.version}.` });
      return { ...result, steps, selectedTools: selection.selectedTools };
    },
  };
}
export type AgentGenerator = ReturnType<typeof createAgentGenerator>;
