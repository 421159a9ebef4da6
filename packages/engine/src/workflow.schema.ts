import { z } from 'zod';

/**
 * The stored shape of a workflow (reference §3.1), extended with per-block retry and error policies.
 * The server validates request bodies with these schemas; the engine re-checks the graph with validateWorkflow.
 */

/** What a block does when it fails after its retries: stop the run, let other branches go on, or fire `error`. */
export const errorPolicySchema = z.enum(['stop', 'continue', 'error-branch']);
export type ErrorPolicy = z.infer<typeof errorPolicySchema>;

/** Retry of transient failures (timeouts, rate limits, 5xx, network): exponential backoff with jitter. */
export const retryPolicySchema = z.object({
  maxRetries: z.number().int().min(0).max(10).default(0),
  initialDelayMs: z.number().int().min(0).max(600_000).default(1_000),
  maxDelayMs: z.number().int().min(0).max(3_600_000).default(30_000),
  backoffMultiplier: z.number().min(1).max(10).default(2),
  jitterPercent: z.number().min(0).max(100).default(20),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const blockSchema = z.object({
  id: z.string().min(1).max(200),
  /** kebab-case of the name; the root of template paths (`{{news-researcher.response}}`). */
  normalizedId: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  description: z.string().max(5_000).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  position: positionSchema.default({ x: 0, y: 0 }),
  timeoutSeconds: z.number().positive().max(86_400).optional(),
  retry: retryPolicySchema.partial().optional(),
  onError: errorPolicySchema.optional(),
});
export type Block = z.infer<typeof blockSchema>;

export const connectionSchema = z.object({
  id: z.string().min(1).max(200),
  sourceBlockId: z.string().min(1),
  /** Output port: `output` (default), `error`, a condition's `true`/`false`/case name, a loop's `body`/`done`. */
  sourceOutput: z.string().max(200).optional(),
  targetBlockId: z.string().min(1),
  targetInput: z.string().max(200).optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const variableSchema = z.object({
  name: z.string().min(1).max(200),
  type: z.enum(['string', 'number', 'boolean', 'array', 'object', 'file']).default('string'),
  defaultValue: z.unknown().optional(),
});
export type WorkflowVariable = z.infer<typeof variableSchema>;

export const workflowSchema = z.object({
  blocks: z.array(blockSchema),
  connections: z.array(connectionSchema).default([]),
  variables: z.array(variableSchema).default([]),
});
export type Workflow = z.infer<typeof workflowSchema>;

/** The default output port of a block. */
export const DEFAULT_OUTPUT = 'output';
/** The port fired (instead of the normal ones) when a block with `onError: "error-branch"` fails. */
export const ERROR_OUTPUT = 'error';
