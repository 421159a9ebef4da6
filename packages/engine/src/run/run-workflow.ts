import { EngineError, recordError } from '../errors.js';
import type { Scope } from '../template/template.js';
import type { EngineOptions } from './create-engine.js';
import type { PreparedWorkflow } from './prepare-workflow.js';
import { callHook, Semaphore, type RunContext } from './run-context.js';
import { runLevel } from './run-level.js';
import type { BlockRecord, RunOptions, RunResult, RunStatus } from './run-types.js';

/** The signal of a run nobody can cancel (no caller signal): never aborted, shared. */
const neverAborted = new AbortController().signal;

const reservedScopeKeys = new Set(['input', 'variables', 'item', 'index', 'loop']);

function finalStatus(run: RunContext, isCancelled: boolean): RunStatus {
  if (isCancelled) return 'cancelled';
  if (run.failedCount === 0) return 'completed';
  return run.completedCount > 0 ? 'partial' : 'failed';
}

/**
 * Blocks no level reached (inside the body of a loop that ran no iteration) get a `skipped` record too, reported
 * through onBlockEnd like every other skipped block.
 */
function recordUnreached(prepared: PreparedWorkflow, run: RunContext): void {
  const { records, hooks } = run;
  for (const block of prepared.workflow.blocks) {
    if (records[block.id] !== undefined) continue;
    const record: BlockRecord = {
      blockId: block.id,
      normalizedId: block.normalizedId,
      name: block.name,
      type: block.type,
      status: 'skipped',
      inputs: undefined,
      output: undefined,
      error: undefined,
      skipReason: 'not reached',
      startedAt: undefined,
      endedAt: undefined,
      attempts: 0,
      retryHistory: [],
      iteration: [],
    };
    records[block.id] = record;
    if (hooks.onBlockEnd !== undefined) callHook(hooks.onBlockEnd, { ...record });
  }
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

/**
 * One run, in steps: 1. bind the caller's signal; 2. build the scope (input, variables); 3. onRunStart;
 * 4. run the top level (loops run their bodies from inside); 5. status, output and records; 6. onRunEnd.
 */
export async function runWorkflow(prepared: PreparedWorkflow, options: EngineOptions, runOptions: RunOptions): Promise<RunResult> {
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
      modelOverride: prepared.modelOverride,
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
  if (prepared.root.blocks.length !== prepared.workflow.blocks.length) recordUnreached(prepared, context);
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
}
