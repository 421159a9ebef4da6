import { builtInBlocks } from '../blocks/built-in-blocks.js';
import type { BlockRegistry } from '../blocks/define-block-executor.js';
import { EngineError, recordError } from '../errors.js';
import type { EnginePorts } from '../ports.js';
import type { Scope } from '../template/template.js';
import { validateWorkflow, type WorkflowIssue } from '../validate/validate-workflow.js';
import type { ErrorPolicy, Workflow } from '../workflow.schema.js';
import { prepareWorkflow, type PreparedWorkflow } from './prepare-workflow.js';
import { Semaphore, type RunContext } from './run-context.js';
import { runLevel } from './run-level.js';
import type { RunOptions, RunResult, RunStatus } from './run-types.js';

export interface EngineOptions {
  ports: EnginePorts;
  /** Executors by block type; the built-in blocks by default. */
  registry?: BlockRegistry;
  /** Blocks doing I/O at the same time in one run (default 8). */
  maxConcurrency?: number;
  /** Larger workflows are refused by validation (default 1,000). */
  maxBlocks?: number;
  /** Hard cap on a loop's items; a longer list fails the loop without running it (default 10,000). */
  maxLoopIterations?: number;
  /** Hard cap on a loop's parallel iterations (default 10). */
  maxLoopConcurrency?: number;
  /** Sub-agent nesting limit (default 3). */
  maxAgentDepth?: number;
  /** Block timeout when the block and its type give none (default 30 s, reference §3.3). */
  defaultTimeoutSeconds?: number;
  /** What a failing block without `onError` does (default `continue`: other branches go on, as in the reference). */
  defaultErrorPolicy?: ErrorPolicy;
}

/** A configured engine: validate, prepare (compile once, cached per workflow object) and run workflows. */
export interface Engine {
  validate(workflow: unknown): WorkflowIssue[];
  /**
   * Validates and compiles once. Cached per workflow object, and per `cacheKey` when given (e.g.
   * `<workflowId>:<version>`), so a server that loads the workflow from its database on each run compiles it once.
   */
  prepare(workflow: Workflow, cacheKey?: string): PreparedWorkflow;
  run(workflow: Workflow | PreparedWorkflow, options: RunOptions): Promise<RunResult>;
}

/** The signal of a run nobody can cancel (no caller signal): never aborted, shared. */
const neverAborted = new AbortController().signal;

const reservedScopeKeys = new Set(['input', 'variables', 'item', 'index', 'loop']);

function isPrepared(value: Workflow | PreparedWorkflow): value is PreparedWorkflow {
  return (value as PreparedWorkflow).root !== undefined;
}

function finalStatus(run: RunContext, isCancelled: boolean): RunStatus {
  if (isCancelled) return 'cancelled';
  if (run.failedCount === 0) return 'completed';
  return run.completedCount > 0 ? 'partial' : 'failed';
}

/** Output blocks by name when the workflow has any, else the top level's terminal blocks by name. */
function finalOutput(prepared: PreparedWorkflow, run: RunContext, scope: Scope): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  const sources = prepared.outputBlocks.length > 0 ? prepared.outputBlocks : prepared.root.terminals;
  for (const source of sources) {
    if (run.records[source.block.id]?.status === 'completed') output[source.block.name] = scope[source.block.normalizedId];
  }
  return output;
}

/** Creates an engine bound to its ports and limits. */
export function createEngine(options: EngineOptions): Engine {
  const registry = options.registry ?? builtInBlocks;
  const maxBlocks = options.maxBlocks ?? 1_000;
  const cache = new WeakMap<Workflow, PreparedWorkflow>();
  const prepareOptions = {
    registry,
    maxBlocks,
    defaultTimeoutSeconds: options.defaultTimeoutSeconds ?? 30,
    defaultErrorPolicy: options.defaultErrorPolicy ?? 'continue',
  };

  const keyed = new Map<string, PreparedWorkflow>();
  const prepare = (workflow: Workflow, cacheKey?: string): PreparedWorkflow => {
    let prepared = cacheKey === undefined ? cache.get(workflow) : keyed.get(cacheKey);
    if (prepared !== undefined) return prepared;
    prepared = prepareWorkflow(workflow, prepareOptions);
    cache.set(workflow, prepared);
    if (cacheKey !== undefined) {
      if (keyed.size >= 500) keyed.delete(keyed.keys().next().value as string);
      keyed.set(cacheKey, prepared);
    }
    return prepared;
  };

  const run = async (workflow: Workflow | PreparedWorkflow, runOptions: RunOptions): Promise<RunResult> => {
    const prepared = isPrepared(workflow) ? workflow : prepare(workflow);
    const { ports } = options;
    // The caller's signal is the run's signal (no AbortController of our own: they are costly in Node, and a run
    // of instant blocks needs none). Its listener is added first, so `isCancelled` is set before blocks react.
    const external = runOptions.signal;
    const runSignal = external ?? neverAborted;
    const cancel = () => {
      context.isCancelled = true;
    };

    const variables: Record<string, unknown> = runOptions.variables === undefined ? { ...prepared.variableDefaults } : { ...prepared.variableDefaults, ...runOptions.variables };
    const scope: Scope = { input: runOptions.input, variables };
    for (const name in variables) if (!reservedScopeKeys.has(name)) scope[name] = variables[name];
    const hooks = runOptions.hooks ?? {};
    const context: RunContext = {
      ports,
      hooks,
      signal: runSignal,
      isCancelled: external?.aborted === true,
      info: {
        userId: runOptions.userId,
        agentId: runOptions.agentId,
        depth: runOptions.depth ?? 0,
        callChain: runOptions.callChain ?? [],
        maxAgentDepth: options.maxAgentDepth ?? 3,
        maxLoopIterations: options.maxLoopIterations ?? 10_000,
        maxLoopConcurrency: options.maxLoopConcurrency ?? 10,
        input: runOptions.input,
        variables,
      },
      records: {},
      slots: new Semaphore(options.maxConcurrency ?? 8),
      isStopping: false,
      failedCount: 0,
      completedCount: 0,
      firstError: undefined,
    };
    if (external !== undefined && !context.isCancelled) external.addEventListener('abort', cancel, { once: true });
    const startedAt = ports.now();
    if (hooks.onRunStart !== undefined) await hooks.onRunStart({ input: runOptions.input, startedAt });
    await runLevel(context, prepared.root, scope, runSignal, []);
    external?.removeEventListener('abort', cancel);
    const isCancelled = context.isCancelled;
    const status = finalStatus(context, isCancelled);
    const error = isCancelled ? new EngineError('RUN_CANCELLED', 'The run was cancelled.') : context.firstError;
    const endedAt = ports.now();
    const result: RunResult = {
      status,
      output: finalOutput(prepared, context, scope),
      blocks: context.records,
      error: status === 'completed' || error === undefined ? undefined : recordError(error),
      startedAt,
      endedAt,
      durationMs: endedAt - startedAt,
    };
    if (hooks.onRunEnd !== undefined) await hooks.onRunEnd(result);
    return result;
  };

  return { validate: (workflow) => validateWorkflow(workflow, { knownBlockTypes: registry, maxBlocks }), prepare, run };
}
