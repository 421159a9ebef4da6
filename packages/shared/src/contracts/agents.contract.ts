import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';

/**
 * Agents (issue 6, reference §1.5 and §1.9): agents CRUD, their workflow and its versions, executions, and the
 * API trigger. The workflow's block/connection shapes are checked in depth by the engine's `validateWorkflow` on
 * save (a 400 names the blocks); here they are only objects. The WebSocket messages are in
 * `realtime/workflow-messages.ts`.
 */

export const agentStatuses = ['draft', 'active', 'deployed', 'paused'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const executionStatuses = ['running', 'completed', 'partial', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/** `chat`: an agent called as a tool from a conversation (agents as tools). */
export const executionTriggers = ['manual', 'api', 'schedule', 'webhook', 'chat'] as const;
export type ExecutionTrigger = (typeof executionTriggers)[number];

/** Route parameter `:agentId` (trigger routes). */
export const agentIdParamsSchema = z.strictObject({ agentId: z.string().min(1).max(64) });

/** Free-form agent settings (completion callback URL, webhook secret…), at most 64 keys. */
const agentSettingsSchema = z.record(z.string().max(64), z.unknown()).refine((settings) => Object.keys(settings).length <= 64, { message: 'At most 64 settings' });

export const createAgentBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  settings: agentSettingsSchema.optional(),
});
export type CreateAgentBody = z.infer<typeof createAgentBodySchema>;

export const updateAgentBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  status: z.enum(agentStatuses).optional(),
  settings: agentSettingsSchema.optional(),
});
export type UpdateAgentBody = z.infer<typeof updateAgentBodySchema>;

/** An agent's most recent run, in lists (the Agents page shows it). */
export const agentLastRunSchema = z.object({ executionId: z.string(), status: z.enum(executionStatuses), startedAt: isoDateSchema });
export type AgentLastRun = z.infer<typeof agentLastRunSchema>;

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(agentStatuses),
  settings: z.record(z.string(), z.unknown()),
  hasWorkflow: z.boolean(),
  blockCount: z.number().int(),
  workflowVersion: z.number().int(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  /** In lists only: the latest run, null when the agent never ran. */
  lastRun: agentLastRunSchema.nullable().optional(),
});
export type Agent = z.infer<typeof agentSchema>;
export const agentResponseSchema = z.object({ agent: agentSchema });

export const listAgentsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const agentsPageSchema = z.object({
  agents: z.array(agentSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
});

const looseObjectSchema = z.record(z.string(), z.unknown());

/** A workflow as stored and returned: `{ blocks, connections, variables }` (the engine's schema checks it). */
export const workflowDocumentSchema = z.object({
  blocks: z.array(looseObjectSchema),
  connections: z.array(looseObjectSchema),
  variables: z.array(looseObjectSchema),
});
export type WorkflowDocument = z.infer<typeof workflowDocumentSchema>;

/** `PUT /api/agents/:id/workflow`: every save increments the version; a snapshot only with `createVersion`. */
export const saveWorkflowBodySchema = z.strictObject({
  blocks: z.array(looseObjectSchema).max(10_000),
  connections: z.array(looseObjectSchema).max(50_000),
  variables: z.array(looseObjectSchema).max(1_000).default([]),
  createVersion: z.boolean().optional(),
  versionDescription: z.string().max(500).optional(),
});
export type SaveWorkflowBody = z.infer<typeof saveWorkflowBodySchema>;

export const workflowResponseSchema = z.object({
  agentId: z.string(),
  workflow: workflowDocumentSchema,
  version: z.number().int(),
  updatedAt: isoDateSchema,
});
export type WorkflowResponse = z.infer<typeof workflowResponseSchema>;

export const workflowVersionSummarySchema = z.object({
  version: z.number().int(),
  description: z.string(),
  blockCount: z.number().int(),
  createdAt: isoDateSchema,
});
export const workflowVersionsResponseSchema = z.object({ versions: z.array(workflowVersionSummarySchema) });
export const workflowVersionResponseSchema = workflowVersionSummarySchema.extend({ workflow: workflowDocumentSchema });
export const versionParamsSchema = z.strictObject({ id: z.string().min(1).max(64), version: z.coerce.number().int().min(1) });

/** An error recorded on a run or a block. */
export const executionErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });
export type ExecutionError = z.infer<typeof executionErrorSchema>;

export const executionBlockSchema = z.object({
  blockId: z.string(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  inputs: z.unknown(),
  output: z.unknown(),
  error: executionErrorSchema.nullable(),
  startedAt: isoDateSchema.nullable(),
  completedAt: isoDateSchema.nullable(),
  attempts: z.number().int(),
  retryHistory: z.array(z.unknown()),
});
export type ExecutionBlock = z.infer<typeof executionBlockSchema>;

export const executionSummarySchema = z.object({
  id: z.string(),
  agentId: z.string(),
  trigger: z.enum(executionTriggers),
  status: z.enum(executionStatuses),
  workflowVersion: z.number().int(),
  input: z.unknown(),
  output: z.unknown(),
  error: executionErrorSchema.nullable(),
  startedAt: isoDateSchema,
  completedAt: isoDateSchema.nullable(),
  durationMs: z.number().int().nullable(),
});
export type ExecutionSummary = z.infer<typeof executionSummarySchema>;

/** One execution with its blocks by block id (`GET /api/executions/:id`, `GET /api/trigger/status/:id`). */
export const executionRecordSchema = executionSummarySchema.extend({ blocks: z.record(z.string(), executionBlockSchema) });
export type ExecutionRecord = z.infer<typeof executionRecordSchema>;

export const listExecutionsQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(executionStatuses).optional(),
  triggerType: z.enum(executionTriggers).optional(),
  agentId: z.string().min(1).max(64).optional(),
});
export type ListExecutionsQuery = z.infer<typeof listExecutionsQuerySchema>;
export const executionsPageSchema = z.object({
  executions: z.array(executionSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  hasMore: z.boolean(),
});

export const executionStatsSchema = z.object({
  total: z.number().int(),
  successCount: z.number().int(),
  failedCount: z.number().int(),
  /** 0–1. */
  successRate: z.number(),
  byStatus: z.record(z.string(), z.object({ count: z.number().int(), avgDurationMs: z.number().nullable() })),
});
export type ExecutionStats = z.infer<typeof executionStatsSchema>;

/** `POST /api/trigger/:agentId` (and later webhooks): the run input. */
export const triggerBodySchema = z.object({ input: z.unknown().optional() });
export const triggerQuerySchema = z.object({ wait: z.enum(['true', 'false']).optional() });
/** 202: the run started (or is still running after the wait). */
export const triggerAcceptedSchema = z.object({ executionId: z.string(), status: z.literal('running'), message: z.string() });
export type TriggerAccepted = z.infer<typeof triggerAcceptedSchema>;
export const executionIdParamsSchema = z.strictObject({ executionId: z.string().min(1).max(64) });

/** A 5-field cron expression (`minute hour day-of-month month day-of-week`), e.g. `30 9 * * 1-5`. */
export const cronExpressionSchema = z.string().trim().max(200).refine((text) => text.split(/\s+/).length === 5, { message: 'Use 5 fields: minute hour day-of-month month day-of-week' });

/** An IANA time zone name (`Europe/Berlin`, `UTC`). */
export const timezoneSchema = z.string().trim().min(1).max(100).refine((name) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}, { message: 'Use an IANA time zone such as Europe/Berlin or UTC' });

/** `POST /api/agents/:id/schedule` (one schedule per agent). */
export const createScheduleBodySchema = z.strictObject({
  cronExpression: cronExpressionSchema,
  timezone: timezoneSchema,
  inputTemplate: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
});
export type CreateScheduleBody = z.infer<typeof createScheduleBodySchema>;
export const updateScheduleBodySchema = z.strictObject({
  cronExpression: cronExpressionSchema.optional(),
  timezone: timezoneSchema.optional(),
  inputTemplate: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateScheduleBody = z.infer<typeof updateScheduleBodySchema>;

export const scheduleSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  cronExpression: z.string(),
  timezone: z.string(),
  inputTemplate: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  nextRunAt: isoDateSchema.nullable(),
  lastRunAt: isoDateSchema.nullable(),
  totalRuns: z.number().int(),
  successfulRuns: z.number().int(),
  failedRuns: z.number().int(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Schedule = z.infer<typeof scheduleSchema>;
export const scheduleResponseSchema = z.object({ schedule: scheduleSchema });
/** `GET /api/schedules/usage`: `limit` is -1 when unlimited. */
export const scheduleUsageSchema = z.object({ active: z.number().int(), paused: z.number().int(), total: z.number().int(), limit: z.number().int(), canCreate: z.boolean() });
/** `POST /api/agents/:id/schedule/run`: the run started now. */
export const scheduleRunResponseSchema = z.object({ executionId: z.string() });

/** The header of a signed inbound webhook: `sha256=<hex HMAC-SHA256 of the raw body with the secret>`. */
export const webhookSignatureHeader = 'x-claraverse-signature';
/**
 * Outbound calls ClaraVerse signs (the completion callback, `webhook` blocks) carry the Unix time in seconds in
 * this header, and `X-Claraverse-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: a receiver checks
 * both and refuses old timestamps, so a captured call cannot be replayed later.
 */
export const webhookTimestampHeader = 'x-claraverse-timestamp';

/** `POST /api/agents/:id/webhook`: create (or replace) the agent's inbound webhook; `signed` makes a secret. */
export const createWebhookBodySchema = z.strictObject({ signed: z.boolean().default(false) });
export const webhookSchema = z.object({
  hookId: z.string(),
  /** `/api/hooks/<hookId>`: POST JSON here to run the agent (the body is the run input). */
  path: z.string(),
  signed: z.boolean(),
  createdAt: isoDateSchema,
});
export type Webhook = z.infer<typeof webhookSchema>;
export const webhookResponseSchema = z.object({ webhook: webhookSchema });
/** 201: the webhook and, this once, its signing secret (null when unsigned). */
export const createWebhookResponseSchema = z.object({ webhook: webhookSchema, secret: z.string().nullable() });

/** `GET /api/agents/:id/deploy`: ready-to-paste trigger examples (the API key is a placeholder). */
export const deploySnippetsSchema = z.object({
  endpoint: z.string(),
  statusEndpoint: z.string(),
  curl: z.string(),
  python: z.string(),
  javascript: z.string(),
  go: z.string(),
});
export type DeploySnippets = z.infer<typeof deploySnippetsSchema>;

/** `GET /api/agents/recent`: the 10 most recently changed agents. */
export const recentAgentsResponseSchema = z.object({ agents: z.array(agentSchema) });
