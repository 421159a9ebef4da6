import type { EngineError } from '../errors.js';
import type { EnginePorts } from '../ports.js';
import type { Scope } from '../template/template.js';
import type { Block } from '../workflow.schema.js';

/** Facts about the run a block executor may need (who runs it, where in the agent call chain it is). */
export interface RunInfo {
  userId: string;
  agentId: string | undefined;
  /** 0 for a top-level run; a sub_agent's run has its parent's depth + 1. */
  depth: number;
  /** Agent ids from the top-level run down to this one. */
  callChain: readonly string[];
  maxAgentDepth: number;
  maxLoopIterations: number;
  maxLoopConcurrency: number;
  /** The start block's `workflowModelId`: overrides the model of every LLM block (reference §3.2). */
  modelOverride: string | undefined;
  /** The run input (what `{{input}}` resolves to). */
  input: unknown;
  /** Workflow variables (defaults overridden by `variable` set blocks). */
  variables: Record<string, unknown>;
}

export interface BlockContext<Prepared = unknown> {
  block: Block;
  /** The block config with every template rendered (raw keys such as expressions kept verbatim). */
  config: Record<string, unknown>;
  /** What prepare() returned for this block (compiled expressions…). */
  prepared: Prepared;
  /** Templates and expressions see this: `input`, `variables`, each variable, each finished block by normalizedId. */
  scope: Scope;
  /** Outputs of the directly connected parents whose connection fired, by normalizedId. */
  inputs: Record<string, unknown>;
  /** Aborts on cancellation and (for non-instant blocks) on the block's timeout. */
  signal: AbortSignal;
  ports: EnginePorts;
  run: RunInfo;
  /** 1 for the first attempt. */
  attempt: number;
  /** The block's timeout in milliseconds (for ports that take their own timeout). */
  timeoutMs: number;
  /** Loops only: runs the body once with `item`/`index` in scope and returns what the body produced. */
  runBody?: (item: unknown, index: number, signal: AbortSignal) => Promise<unknown>;
}

/** What a block produced and which output ports fire (undefined: every port but `error`). */
export interface BlockOutcome {
  output: unknown;
  firedOutputs?: readonly string[];
}

/** One block type: validation of its config, a compile step, and how it runs. */
export interface BlockExecutor<Prepared = unknown> {
  type: string;
  /** Config keys that are not templates (JSONata expressions, JSON schemas, code). */
  rawConfigKeys?: readonly string[];
  /** Pure CPU and quick: runs without a timer or its own AbortController (keeps simple runs cheap). */
  isInstant?: boolean;
  /** Orchestrates other blocks (loop): takes no concurrency slot, so nested bodies cannot deadlock. */
  isControl?: boolean;
  /** Returns a partial result itself when its timeout fires (llm_inference). */
  handlesTimeout?: boolean;
  defaultTimeoutSeconds?: number;
  /** A user timeout below this is raised to it (llm_inference: 120 s). */
  minTimeoutSeconds?: number;
  /** The output ports connections may leave from (default `output` and `error`); checked by validation. */
  outputPorts?(config: Record<string, unknown>): readonly string[];
  /** Problems with the config, as sentences; empty when fine. */
  validateConfig?(config: Record<string, unknown>, block: Block): string[];
  /** Compiles what can be compiled once per workflow; may throw EngineError for bad config. */
  prepare?(block: Block): Prepared;
  execute(context: BlockContext<Prepared>): Promise<BlockOutcome> | BlockOutcome;
}

/** Identity helper that types an executor (CONVENTIONS §2.11 `defineNodeExecutor`). */
export function defineBlockExecutor<Prepared = undefined>(executor: BlockExecutor<Prepared>): BlockExecutor<Prepared> {
  return executor;
}

/** A registry of executors by block type. */
export type BlockRegistry = ReadonlyMap<string, BlockExecutor<unknown>>;

/** Reads a string config value, or the fallback when absent/not a string. */
export function configString(config: Record<string, unknown>, key: string, fallback = ''): string {
  const value = config[key];
  return typeof value === 'string' ? value : fallback;
}

/** Reads a finite number config value, or the fallback. */
export function configNumber(config: Record<string, unknown>, key: string, fallback: number): number {
  const value = config[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fallback;
}

/** Marks an error as the block's own failure cause for records. */
export type BlockFailure = EngineError;
