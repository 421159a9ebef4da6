import { EngineError, recordError } from '../errors.js';
import type { Scope } from '../template/template.js';
import { ERROR_OUTPUT } from '../workflow.schema.js';
import { executeBlock, type BlockResult } from './execute-block.js';
import type { PreparedBlock, PreparedLevel } from './prepare-workflow.js';
import { callHook, type RunContext } from './run-context.js';
import type { BlockRecord } from './run-types.js';

/** Connection states, per level run (0, the initial value of the state array, is pending). */
const ACTIVE = 1;
const DEAD = 2;
const FAILED = 3;

/** How a level (the top level or one loop iteration) ended. */
export interface LevelSummary {
  /** Failures not handled by an error branch, in this level only. */
  failedCount: number;
  firstError: EngineError | undefined;
  isCancelled: boolean;
}

function skippedRecord(prepared: PreparedBlock, status: 'skipped' | 'cancelled', reason: string, iteration: readonly number[]): BlockRecord {
  const { block } = prepared;
  return {
    blockId: block.id,
    normalizedId: block.normalizedId,
    name: block.name,
    type: block.type,
    status,
    inputs: undefined,
    output: undefined,
    error: undefined,
    skipReason: reason,
    startedAt: undefined,
    endedAt: undefined,
    attempts: 0,
    retryHistory: [],
    iteration,
  };
}

/**
 * Once every input of a block has settled: undefined when it should run (an input produced and none failed;
 * merges ignore failed inputs), else why it is skipped.
 */
function whyNotRun(prepared: PreparedBlock, connectionStates: readonly number[]): string | undefined {
  let active = 0;
  let failed = 0;
  for (const connection of prepared.incoming) {
    const state = connectionStates[connection.index];
    if (state === ACTIVE) active += 1;
    else if (state === FAILED) failed += 1;
  }
  if (failed > 0 && !prepared.isMerge) return 'an input failed';
  return active > 0 || prepared.incoming.length === 0 ? undefined : 'branch not taken';
}

/**
 * Schedules one level as a DAG:
 *  1. start every block without inputs;
 *  2. when a block ends, mark each outgoing connection active (its output port fired), dead (not taken) or
 *     failed (the block failed);
 *  3. a block whose inputs are all settled runs if one is active and none failed (merge ignores failures);
 *     otherwise it is skipped, which kills its own outputs in turn; `merge` in `first` mode starts at the first
 *     active input;
 *  4. the level ends when every block has ended.
 */
export function runLevel(run: RunContext, level: PreparedLevel, scope: Scope, signal: AbortSignal, iteration: readonly number[]): Promise<LevelSummary> {
  const blockCount = level.blocks.length;
  const summary: LevelSummary = { failedCount: 0, firstError: undefined, isCancelled: false };
  if (blockCount === 0) return Promise.resolve(summary);
  // Plain arrays: for the small levels of typical workflows they are cheaper to allocate than typed arrays.
  const connectionStates: number[] = new Array<number>(level.connectionCount).fill(0);
  const unsettledInputs: number[] = level.incomingCounts.slice();
  const hasStarted: number[] = new Array<number>(blockCount).fill(0);
  let endedCount = 0;

  return new Promise<LevelSummary>((resolve) => {
    const finish = (prepared: PreparedBlock, states: (port: string) => number) => {
      for (const connection of prepared.outgoing) {
        const state = states(connection.port);
        connectionStates[connection.index] = state;
        const target = connection.target;
        unsettledInputs[target.index] = unsettledInputs[target.index]! - 1;
        if (hasStarted[target.index] === 1) continue;
        if (target.isMergeFirst && state === ACTIVE) start(target);
        else if (unsettledInputs[target.index] === 0) decide(target);
      }
      endedCount += 1;
      if (endedCount === blockCount) resolve(summary);
    };

    const skip = (prepared: PreparedBlock, reason: string) => {
      hasStarted[prepared.index] = 1;
      const isCancelled = run.isCancelled;
      const record = skippedRecord(prepared, isCancelled ? 'cancelled' : 'skipped', isCancelled ? 'run cancelled' : reason, iteration);
      run.records[prepared.block.id] = record;
      if (run.hooks.onBlockEnd !== undefined) callHook(run.hooks.onBlockEnd, { ...record });
      finish(prepared, () => DEAD);
    };

    const decide = (prepared: PreparedBlock) => {
      const skipReason = whyNotRun(prepared, connectionStates);
      if (skipReason === undefined) start(prepared);
      else skip(prepared, skipReason);
    };

    const start = (prepared: PreparedBlock) => {
      if (signal.aborted) return skip(prepared, 'run cancelled or loop stopped');
      if (run.isStopping) return skip(prepared, 'run stopped');
      hasStarted[prepared.index] = 1;
      const inputs: Record<string, unknown> = {};
      for (const connection of prepared.incoming) {
        if (connectionStates[connection.index] === ACTIVE) inputs[connection.source.block.normalizedId] = scope[connection.source.block.normalizedId];
      }
      const runBody = prepared.body === undefined ? undefined : bodyRunner(run, prepared, scope, iteration);
      executeBlock(run, prepared, scope, inputs, iteration, signal, runBody).then(
        (result) => settle(prepared, result),
        (error: unknown) => settle(prepared, { status: 'failed', output: undefined, firedOutputs: undefined, error: new EngineError('ENGINE_BUG', String(error)) }),
      );
    };

    const settle = (prepared: PreparedBlock, result: BlockResult) => {
      const { normalizedId } = prepared.block;
      if (result.status === 'completed') {
        run.completedCount += 1;
        scope[normalizedId] = result.output;
        const fired = result.firedOutputs;
        finish(prepared, fired === undefined ? (port) => (port === ERROR_OUTPUT ? DEAD : ACTIVE) : (port) => (fired.includes(port) ? ACTIVE : DEAD));
        return;
      }
      if (result.status === 'cancelled') {
        summary.isCancelled = true;
        finish(prepared, () => FAILED);
        return;
      }
      const error = result.error ?? new EngineError('BLOCK_FAILED', 'The block failed.');
      if (prepared.onError === 'error-branch') {
        scope[normalizedId] = { error: recordError(error) };
        finish(prepared, (port) => (port === ERROR_OUTPUT ? ACTIVE : DEAD));
        return;
      }
      summary.failedCount += 1;
      summary.firstError ??= error;
      run.failedCount += 1;
      run.firstError ??= error;
      if (prepared.onError === 'stop') run.isStopping = true;
      finish(prepared, () => FAILED);
    };

    for (const prepared of level.starts) start(prepared);
  });
}

/** The loop's runBody: one iteration = the body level run on a copy of the scope with `item` and `index`. */
function bodyRunner(run: RunContext, loop: PreparedBlock, scope: Scope, iteration: readonly number[]) {
  const body = loop.body!;
  return async (item: unknown, index: number, signal: AbortSignal): Promise<unknown> => {
    const iterationScope: Scope = { ...scope, item, index };
    const summary = await runLevel(run, body, iterationScope, signal, [...iteration, index]);
    if (run.isCancelled) throw new EngineError('RUN_CANCELLED', 'The run was cancelled.');
    if (summary.failedCount > 0) {
      const cause = summary.firstError;
      throw new EngineError('LOOP_ITERATION_FAILED', `Iteration ${index} of loop "${loop.block.name}" failed: ${cause?.message ?? 'a block failed'}`, {
        details: { index, error: cause === undefined ? undefined : recordError(cause) },
      });
    }
    if (body.terminals.length === 1) return iterationScope[body.terminals[0]!.block.normalizedId];
    const result: Record<string, unknown> = {};
    for (const terminal of body.terminals) result[terminal.block.normalizedId] = iterationScope[terminal.block.normalizedId];
    return result;
  };
}
