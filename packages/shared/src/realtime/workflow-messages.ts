import { z } from 'zod';
import { executionErrorSchema, executionStatuses } from '../contracts/agents.contract.js';

/**
 * `WS /ws/workflow` (reference §2.2, as flat messages): after the hub's `auth` → `ready`, the client starts a
 * manual run of one of its agents with `workflow.run` and may stop it with `workflow.cancel`. The server answers
 * `execution.start`, then `execution.block` as blocks start and end, then `execution.end`. A refused run
 * (unknown agent, no workflow, bad input) gets the hub's `error` message with `details.agentId`.
 */

export const workflowRunMessageSchema = z.strictObject({
  type: z.literal('workflow.run'),
  agentId: z.string().min(1).max(64),
  input: z.unknown().optional(),
});
export const workflowCancelMessageSchema = z.strictObject({
  type: z.literal('workflow.cancel'),
  executionId: z.string().min(1).max(64),
});

/** Client → server on `/ws/workflow`. */
export const workflowClientMessageSchema = z.discriminatedUnion('type', [workflowRunMessageSchema, workflowCancelMessageSchema]);
export type WorkflowClientMessage = z.infer<typeof workflowClientMessageSchema>;

export const executionStartMessageSchema = z.object({
  type: z.literal('execution.start'),
  executionId: z.string(),
  agentId: z.string(),
});
/** A block started (`running`) or ended (`completed`, `failed`, `skipped`, `cancelled`). */
export const executionBlockMessageSchema = z.object({
  type: z.literal('execution.block'),
  executionId: z.string(),
  blockId: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'skipped', 'cancelled', 'pending']),
  inputs: z.unknown().optional(),
  output: z.unknown().optional(),
  error: executionErrorSchema.optional(),
});
export const executionEndMessageSchema = z.object({
  type: z.literal('execution.end'),
  executionId: z.string(),
  status: z.enum(executionStatuses),
  output: z.unknown(),
  durationMs: z.number(),
  error: executionErrorSchema.optional(),
});

/** Server → client on `/ws/workflow` (besides the hub's `ready`, `pong` and `error`). */
export const workflowServerMessageSchema = z.discriminatedUnion('type', [executionStartMessageSchema, executionBlockMessageSchema, executionEndMessageSchema]);
export type WorkflowServerMessage = z.infer<typeof workflowServerMessageSchema>;
