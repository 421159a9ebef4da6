import type { RecordedError } from '../errors.js';

export type BlockStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'cancelled';
export type RunStatus = 'completed' | 'partial' | 'failed' | 'cancelled';

/** One attempt that failed and was retried. */
export interface RetryRecord {
  attempt: number;
  error: RecordedError;
  startedAt: number;
  durationMs: number;
}

/** What happened to one block (the last iteration, for blocks inside a loop body). */
export interface BlockRecord {
  blockId: string;
  normalizedId: string;
  name: string;
  type: string;
  status: BlockStatus;
  /** Outputs of the directly connected parents that fed it, by normalizedId. */
  inputs: Record<string, unknown> | undefined;
  output: unknown;
  error: RecordedError | undefined;
  /** Why a block did not run (`branch not taken`, `an input failed`, `run stopped`). */
  skipReason: string | undefined;
  startedAt: number | undefined;
  endedAt: number | undefined;
  attempts: number;
  retryHistory: RetryRecord[];
  /** Loop iteration indexes from the outermost loop inward; empty at top level. */
  iteration: readonly number[];
}

export interface RunResult {
  status: RunStatus;
  /** `{ <output block name>: value }`, or terminal blocks' outputs by name when there is no output block. */
  output: Record<string, unknown>;
  /** By block id. */
  blocks: Record<string, BlockRecord>;
  /** The first failure (or the cancellation) when status is not `completed`. */
  error: RecordedError | undefined;
  startedAt: number;
  endedAt: number;
  durationMs: number;
}

/**
 * Lifecycle hooks for persistence and realtime push (CONVENTIONS §2.11). Block hooks are called synchronously
 * and not awaited (a returned promise's rejection is ignored); onRunEnd is awaited before run() resolves.
 */
export interface RunLifecycleHooks {
  onRunStart?(event: { input: unknown; startedAt: number }): void | Promise<void>;
  onBlockStart?(record: Readonly<BlockRecord>): void | Promise<void>;
  onBlockEnd?(record: Readonly<BlockRecord>): void | Promise<void>;
  onRunEnd?(result: RunResult): void | Promise<void>;
}

export interface RunOptions {
  /** The run input: what the start block reads and `{{input}}` resolves to. */
  input?: unknown;
  userId: string;
  /** The agent being run (for sub_agent recursion checks). */
  agentId?: string;
  /** Depth in the sub-agent chain (0 at top level). */
  depth?: number;
  /** Agent ids of the callers (from the top-level run down), for recursion refusal. */
  callChain?: readonly string[];
  /** Overrides of variable defaults. */
  variables?: Record<string, unknown>;
  /** Aborting it cancels the run: every running port call gets an aborted signal. */
  signal?: AbortSignal;
  hooks?: RunLifecycleHooks;
}
