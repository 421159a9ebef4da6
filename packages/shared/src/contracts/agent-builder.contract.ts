import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';
import { workflowDocumentSchema } from './agents.contract.js';

/**
 * The agent builder (issue 6 item 2, reference §1.5, §3.1 and §3.7): the natural-language workflow generator
 * (one step, or two steps: select tools, then generate with them), generated sample input, Ask mode (questions
 * about an agent, nothing changes), and the builder conversations stored sealed per user.
 *
 * A generation that cannot be made valid answers 422 with the error envelope, code `generation_failed` and
 * details `{ problems: [{ blockId?, message }] }` (see `generationFailedDetailsSchema`); nothing is saved then.
 *
 * `conversationId` on a generator or Ask request only gives the model that builder conversation's earlier messages
 * as context; the server does not append to it — the client appends the user's message and the result with
 * `POST …/conversations/:conversationId/messages` (the result's `version`, `action` and `explanation` are its
 * `workflowSnapshot`).
 */

/** Route parameters `/api/agents/:agentId/…`. */
export const agentBuilderParamsSchema = z.strictObject({ agentId: z.string().min(1).max(64) });
export const builderConversationParamsSchema = z.strictObject({
  agentId: z.string().min(1).max(64),
  conversationId: z.string().min(1).max(64),
});

/**
 * Names an agent has before anyone named it (compared case-insensitively, trimmed): the generator's
 * `create` replaces such a name (and an empty description) with its suggestion.
 */
export const defaultAgentNames = ['New agent', 'Untitled agent', 'Untitled', 'My agent'] as const;

/** The longest request message a person can send to the generator or Ask mode. */
export const builderMessageMaxLength = 10_000;
/** The longest stored builder-conversation message (generated explanations included). */
export const builderConversationContentMaxLength = 50_000;
/** A conversation keeps at most this many messages; the oldest are dropped. */
export const builderConversationMaxMessages = 200;

const builderMessageSchema = z.string().trim().min(1, { message: 'Describe what the agent should do' }).max(builderMessageMaxLength);
/** A model id such as `openai:gpt-4.1`; the instance's default agents model when absent. */
const modelIdSchema = z.string().trim().min(1).max(200);
/** The workflow being edited, as the editor holds it (`{ blocks, connections, variables }`). */
const currentWorkflowSchema = z.object({
  blocks: z.array(z.record(z.string(), z.unknown())).max(10_000),
  connections: z.array(z.record(z.string(), z.unknown())).max(50_000),
  variables: z.array(z.record(z.string(), z.unknown())).max(1_000).default([]),
});

export const generationActions = ['create', 'modify'] as const;
export type GenerationAction = (typeof generationActions)[number];

/** A tool chosen by step 1, with why. */
export const selectedToolSchema = z.object({
  toolId: z.string(),
  name: z.string(),
  category: z.string(),
  reason: z.string(),
});
export type SelectedTool = z.infer<typeof selectedToolSchema>;

/** `POST /api/agents/:agentId/select-tools` (step 1 only). */
export const selectToolsBodySchema = z.strictObject({
  message: builderMessageSchema,
  currentWorkflow: currentWorkflowSchema.optional(),
  modelId: modelIdSchema.optional(),
});
export type SelectToolsBody = z.infer<typeof selectToolsBodySchema>;
export const selectToolsResponseSchema = z.object({
  selectedTools: z.array(selectedToolSchema),
  reasoning: z.string(),
  /** What was fixed in the model's answer (e.g. tool ids that do not exist, dropped). */
  repairs: z.array(z.string()).optional(),
});
export type SelectToolsResponse = z.infer<typeof selectToolsResponseSchema>;

/** A tool the generated workflow uses that needs a credential the user has not added yet. */
export const setupRequiredItemSchema = z.object({
  toolId: z.string(),
  integrationId: z.string(),
  integrationName: z.string(),
});
export type SetupRequiredItem = z.infer<typeof setupRequiredItemSchema>;

/** What every generator route answers: the saved workflow and how it came to be. */
export const generationResultSchema = z.object({
  workflow: workflowDocumentSchema,
  explanation: z.string(),
  action: z.enum(generationActions),
  /** The workflow version the result was saved as. */
  version: z.number().int(),
  /** What was fixed automatically (ids, names, layout, dropped connections, unknown tools, the repair round…). */
  repairs: z.array(z.string()),
  setupRequired: z.array(setupRequiredItemSchema),
  suggestedName: z.string().optional(),
  suggestedDescription: z.string().optional(),
});
export type GenerationResult = z.infer<typeof generationResultSchema>;

/** `POST /api/agents/:agentId/generate-with-tools` (step 2 with the tools of step 1). */
export const generateWithToolsBodySchema = z.strictObject({
  message: builderMessageSchema,
  selectedToolIds: z.array(z.string().min(1).max(200)).max(100),
  currentWorkflow: currentWorkflowSchema.optional(),
  modelId: modelIdSchema.optional(),
  conversationId: z.string().min(1).max(64).optional(),
});
export type GenerateWithToolsBody = z.infer<typeof generateWithToolsBodySchema>;

/** `POST /api/agents/:agentId/generate-workflow` (one step) and `…/generate-workflow-v2` (both steps in one call). */
export const generateWorkflowBodySchema = z.strictObject({
  message: builderMessageSchema,
  currentWorkflow: currentWorkflowSchema.optional(),
  modelId: modelIdSchema.optional(),
  conversationId: z.string().min(1).max(64).optional(),
});
export type GenerateWorkflowBody = z.infer<typeof generateWorkflowBodySchema>;

export const generationStepStatuses = ['completed', 'failed'] as const;
export const generationStepSchema = z.object({
  stepNumber: z.number().int(),
  name: z.string(),
  status: z.enum(generationStepStatuses),
  description: z.string(),
  /** Step 1: the tool ids chosen. */
  tools: z.array(z.string()).optional(),
});
export type GenerationStep = z.infer<typeof generationStepSchema>;

/** `POST /api/agents/:agentId/generate-workflow-v2`. */
export const generationV2ResultSchema = generationResultSchema.extend({
  steps: z.array(generationStepSchema),
  selectedTools: z.array(selectedToolSchema),
});
export type GenerationV2Result = z.infer<typeof generationV2ResultSchema>;

/** One reason a generated workflow is not valid (422 `generation_failed` details). */
export const generationProblemSchema = z.object({ blockId: z.string().optional(), message: z.string() });
export type GenerationProblem = z.infer<typeof generationProblemSchema>;
export const generationFailedDetailsSchema = z.object({
  problems: z.array(generationProblemSchema),
  /** `generate-workflow-v2` only: step 1 completed, step 2 failed. */
  steps: z.array(generationStepSchema).optional(),
  /** `generate-workflow-v2` only: what step 1 chose. */
  selectedTools: z.array(selectedToolSchema).optional(),
});
export type GenerationFailedDetails = z.infer<typeof generationFailedDetailsSchema>;

/** `POST /api/agents/:agentId/generate-sample-input`. */
export const generateSampleInputBodySchema = z.strictObject({ modelId: modelIdSchema.optional() });
export type GenerateSampleInputBody = z.infer<typeof generateSampleInputBodySchema>;
/** Matches the start block: a string for `text` input, an object for `json` input. */
export const sampleInputResponseSchema = z.object({ input: z.unknown() });
export type SampleInputResponse = z.infer<typeof sampleInputResponseSchema>;

/** `POST /api/agents/:agentId/ask`: a question about this agent; the answer is plain text and nothing changes. */
export const askAgentBodySchema = z.strictObject({
  message: builderMessageSchema,
  modelId: modelIdSchema.optional(),
  conversationId: z.string().min(1).max(64).optional(),
});
export type AskAgentBody = z.infer<typeof askAgentBodySchema>;
export const askAgentResponseSchema = z.object({ answer: z.string() });
export type AskAgentResponse = z.infer<typeof askAgentResponseSchema>;

export const builderMessageRoles = ['user', 'assistant'] as const;
export type BuilderMessageRole = (typeof builderMessageRoles)[number];

/** The workflow change an assistant message made (shown as "saved as version N"). */
export const workflowSnapshotSchema = z.object({
  version: z.number().int().min(0),
  action: z.enum(generationActions),
  explanation: z.string().max(builderConversationContentMaxLength),
});
export type WorkflowSnapshot = z.infer<typeof workflowSnapshotSchema>;

export const builderConversationMessageSchema = z.object({
  id: z.string(),
  role: z.enum(builderMessageRoles),
  content: z.string(),
  createdAt: isoDateSchema,
  workflowSnapshot: workflowSnapshotSchema.optional(),
});
export type BuilderConversationMessage = z.infer<typeof builderConversationMessageSchema>;

export const builderConversationSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  messages: z.array(builderConversationMessageSchema),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type BuilderConversation = z.infer<typeof builderConversationSchema>;
export const builderConversationResponseSchema = z.object({ conversation: builderConversationSchema });

export const builderConversationSummarySchema = z.object({
  id: z.string(),
  agentId: z.string(),
  messageCount: z.number().int(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type BuilderConversationSummary = z.infer<typeof builderConversationSummarySchema>;
/** `GET /api/agents/:agentId/conversations`, newest first. */
export const builderConversationsResponseSchema = z.object({ conversations: z.array(builderConversationSummarySchema) });

/** `POST /api/agents/:agentId/conversations/:conversationId/messages` → 201 `{ message }`. */
export const appendBuilderMessageBodySchema = z.strictObject({
  role: z.enum(builderMessageRoles),
  content: z.string().min(1).max(builderConversationContentMaxLength),
  workflowSnapshot: workflowSnapshotSchema.optional(),
});
export type AppendBuilderMessageBody = z.infer<typeof appendBuilderMessageBodySchema>;
export const appendBuilderMessageResponseSchema = z.object({ message: builderConversationMessageSchema });
