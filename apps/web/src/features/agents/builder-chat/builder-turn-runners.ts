import type { Workflow } from '@claraverse/engine';
import { builderConversationContentMaxLength, type AppendBuilderMessageBody, type GenerationResult, type SelectToolsBody, type SelectToolsResponse } from '@claraverse/shared';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { agentsQueryKeys } from '../api/agents-paths';
import { askAgent } from '../api/ask-agent';
import { builderQueryKeys } from '../api/builder-paths';
import { generateWithTools } from '../api/generate-with-tools';
import { selectTools } from '../api/select-tools';
import type { EditorStore } from '../stores/editor-store';
import { describeTurnFailure } from './describe-turn-failure';
import type { AskTurn, GenerationTurn } from './builder-turn';

/** What a turn's requests need from the builder chat store. */
export interface TurnContext {
  agentId: string;
  editor: EditorStore;
  queryClient: QueryClient;
  update(turnId: string, patch: Partial<GenerationTurn> | Partial<AskTurn>): void;
  /** Appends the exchange to the stored conversation; marks the turn when that fails. */
  record(turnId: string, messages: readonly AppendBuilderMessageBody[]): Promise<void>;
  /** The current builder conversation, once loaded. */
  conversationId(): string | undefined;
  /** The model chosen for the builder (undefined: the instance default). */
  modelId(): string | undefined;
  /** Frames the canvas on the new workflow. */
  frameWorkflow(): void;
}

/** The workflow to send: the editor's, unsaved edits included; none for an empty canvas (the generator creates). */
function currentWorkflowOf(workflow: Workflow): SelectToolsBody['currentWorkflow'] {
  if (workflow.blocks.length === 0) return undefined;
  return { blocks: workflow.blocks, connections: workflow.connections, variables: workflow.variables };
}

function startsWith(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.every((part, index) => key[index] === part);
}

/** Cuts text to what a stored conversation message may hold. */
function clip(text: string): string {
  return text.length > builderConversationContentMaxLength ? `${text.slice(0, builderConversationContentMaxLength - 1)}…` : text;
}

/** Puts a generated (and saved) workflow on the canvas and refreshes what changed on the server. */
function applyResult({ agentId, editor, queryClient, frameWorkflow }: TurnContext, result: GenerationResult): void {
  // The server saved the result as a version: the canvas shows it as saved (undo brings the previous one back).
  const generated = result.workflow as unknown as Workflow;
  editor.getState().replaceWorkflow(generated, { saved: true });
  frameWorkflow();
  queryClient.setQueryData(agentsQueryKeys.workflow(agentId), { workflow: generated, version: result.version });
}

/** The agent's name, version and block count, its versions and the list changed on the server. */
async function refreshAgent({ agentId, queryClient }: TurnContext): Promise<void> {
  const workflowKey = agentsQueryKeys.workflow(agentId);
  const conversationKey = builderQueryKeys.currentConversation(agentId);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: agentsQueryKeys.agent(agentId),
      predicate: (query) => !startsWith(query.queryKey, workflowKey) && !startsWith(query.queryKey, conversationKey),
    }),
    queryClient.invalidateQueries({ queryKey: agentsQueryKeys.list }),
  ]);
}

/**
 * Builder mode: step 1 chooses the tools, step 2 generates the workflow with them (from the editor's workflow as
 * it is, unsaved edits included, when the canvas has blocks); the result goes on the canvas and into the
 * conversation with its version.
 */
export async function runGeneration(context: TurnContext, turnId: string, message: string): Promise<void> {
  const { agentId, editor, update } = context;
  const { workflow, isDirty } = editor.getState();
  const currentWorkflow = currentWorkflowOf(workflow);
  const modelId = context.modelId();
  const requestOptions = { ...(currentWorkflow === undefined ? {} : { currentWorkflow }), ...(modelId === undefined ? {} : { modelId }) };
  update(turnId, { status: 'selecting', includedUnsavedEdits: isDirty && currentWorkflow !== undefined, selection: undefined, result: undefined, failure: undefined, failedStep: undefined });

  let selection: SelectToolsResponse;
  try {
    selection = await selectTools(agentId, { message, ...requestOptions });
  } catch (error) {
    return update(turnId, { status: 'failed', failedStep: 'select', failure: describeTurnFailure(error) });
  }
  update(turnId, { status: 'generating', selection });

  let result: GenerationResult;
  try {
    const conversationId = context.conversationId();
    result = await generateWithTools(agentId, {
      message,
      selectedToolIds: selection.selectedTools.map((tool) => tool.toolId),
      ...requestOptions,
      ...(conversationId === undefined ? {} : { conversationId }),
    });
  } catch (error) {
    return update(turnId, { status: 'failed', failedStep: 'generate', failure: describeTurnFailure(error) });
  }
  applyResult(context, result);
  update(turnId, { status: 'done', result });

  const explanation = result.explanation.trim();
  await context.record(turnId, [
    { role: 'user', content: message },
    {
      role: 'assistant',
      content: clip(explanation || (result.action === 'create' ? 'Created the workflow.' : 'Changed the workflow.')),
      workflowSnapshot: { version: result.version, action: result.action, explanation: clip(explanation) },
    },
  ]);
  await refreshAgent(context);
}

/** Ask mode: a plain-text answer about the agent; nothing changes. */
export async function runAsk(context: TurnContext, turnId: string, message: string): Promise<void> {
  const { agentId, update } = context;
  update(turnId, { status: 'pending', answer: undefined, failure: undefined });
  let answer: string;
  try {
    const conversationId = context.conversationId();
    const modelId = context.modelId();
    answer = await askAgent(agentId, { message, ...(modelId === undefined ? {} : { modelId }), ...(conversationId === undefined ? {} : { conversationId }) });
  } catch (error) {
    return update(turnId, { status: 'failed', failure: describeTurnFailure(error) });
  }
  update(turnId, { status: 'done', answer });
  const content = clip(answer.trim());
  await context.record(turnId, content === '' ? [{ role: 'user', content: message }] : [{ role: 'user', content: message }, { role: 'assistant', content }]);
}
