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

/** Records a block that will not run (skipped or cancelled) and reports it through onBlockEnd. */
function endUnrun(run: RunContext, prepared: PreparedBlock, status: 'skipped' | 'cancelled', reason: string, iteration: readonly number[]): void {
  const record = skippedRecord(prepared, status, reason, iteration);
  run.records[prepared.block.id] = record;
  if (run.hooks.onBlockEnd !== undefined) callHook(run.hooks.onBlockEnd, { ...record });
}

/** Every block of a loop body that will not run (nested bodies included) ends with `status`. */
function skipBody(run: RunContext, body: PreparedLevel, status: 'skipped' | 'cancelled', reason: string, iteration: readonly number[]): void {
  for (const member of body.blocks) {
    endUnrun(run, member, status, reason, iteration);
    if (member.body !== undefined) skipBody(run, member.body, status, reason, iteration);
  }
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
  if (level.blocks.length === 0) return Promise.resolve({ failedCount: 0, firstError: undefined, isCancelled: false });
  return new Promise<LevelSummary>((resolve) => new LevelRun(run, level, scope, signal, iteration, resolve).begin());
}

/** The state of one level run. Plain arrays: for typical small levels they are cheaper than typed arrays. */
class LevelRun {
  private readonly summary: LevelSummary = { failedCount: 0, firstError: undefined, isCancelled: false };
  private readonly connectionStates: number[];
  private readonly unsettledInputs: number[];
  private readonly hasStarted: number[];
  private endedCount = 0;
  /** Blocks whose inputs changed, as a FIFO drained by one loop (not recursion: long skip chains stay shallow). */
  private readonly ready: PreparedBlock[] = [];
  private head = 0;
  private isDraining = false;

  constructor(
    private readonly run: RunContext,
    private readonly level: PreparedLevel,
    private readonly scope: Scope,
    private readonly signal: AbortSignal,
    private readonly iteration: readonly number[],
    private readonly resolve: (summary: LevelSummary) => void,
  ) {
    this.connectionStates = new Array<number>(level.connectionCount).fill(0);
    this.unsettledInputs = level.incomingCounts.slice();
    this.hasStarted = new Array<number>(level.blocks.length).fill(0);
  }

  begin(): void {
    this.ready.push(...this.level.starts);
    this.drain();
  }

  private drain(): void {
    if (this.isDraining) return;
    this.isDraining = true;
    while (this.head < this.ready.length) {
      const next = this.ready[this.head]!;
      this.head += 1;
      if (this.hasStarted[next.index] === 1) continue;
      if (this.unsettledInputs[next.index] !== 0) {
        this.start(next); // a merge in `first` mode with one active input
        continue;
      }
      const skipReason = whyNotRun(next, this.connectionStates);
      if (skipReason === undefined) this.start(next);
      else this.skip(next, skipReason);
    }
    this.ready.length = 0;
    this.head = 0;
    this.isDraining = false;
  }

  private finish(prepared: PreparedBlock, states: (port: string) => number): void {
    for (const connection of prepared.outgoing) {
      const state = states(connection.port);
      this.connectionStates[connection.index] = state;
      const target = connection.target;
      this.unsettledInputs[target.index] = this.unsettledInputs[target.index]! - 1;
      if (this.hasStarted[target.index] === 1) continue;
      if ((target.isMergeFirst && state === ACTIVE) || this.unsettledInputs[target.index] === 0) this.ready.push(target);
    }
    this.endedCount += 1;
    if (this.endedCount === this.level.blocks.length) this.resolve(this.summary);
    this.drain();
  }

  private skip(prepared: PreparedBlock, reason: string): void {
    this.hasStarted[prepared.index] = 1;
    const { run } = this;
    const status = run.isCancelled ? 'cancelled' : 'skipped';
    endUnrun(run, prepared, status, run.isCancelled ? 'run cancelled' : reason, this.iteration);
    // A loop that does not run does not run its body either: its blocks end now too, reported like this one.
    if (prepared.body !== undefined) skipBody(run, prepared.body, status, run.isCancelled ? 'run cancelled' : `loop "${prepared.block.name}" did not run`, this.iteration);
    this.finish(prepared, () => DEAD);
  }

  private start(prepared: PreparedBlock): void {
    if (this.signal.aborted) return this.skip(prepared, 'run cancelled or loop stopped');
    if (this.run.isStopping) return this.skip(prepared, 'run stopped');
    this.hasStarted[prepared.index] = 1;
    const inputs: Record<string, unknown> = {};
    for (const connection of prepared.incoming) {
      const source = connection.source.block.normalizedId;
      if (this.connectionStates[connection.index] === ACTIVE) inputs[source] = this.scope[source];
    }
    const runBody = prepared.body === undefined ? undefined : bodyRunner(this.run, prepared, this.scope, this.iteration);
    executeBlock(this.run, prepared, this.scope, inputs, this.iteration, this.signal, runBody).then(
      (result) => this.settle(prepared, result),
      (error: unknown) => this.settle(prepared, { status: 'failed', output: undefined, firedOutputs: undefined, error: new EngineError('ENGINE_BUG', String(error)) }),
    );
  }

  private settle(prepared: PreparedBlock, result: BlockResult): void {
    const { normalizedId } = prepared.block;
    const { run, summary } = this;
    if (result.status === 'completed') {
      run.completedCount += 1;
      this.scope[normalizedId] = result.output;
      // Also under the block id, as in the reference (templates may use either).
      if (prepared.block.id !== normalizedId) this.scope[prepared.block.id] = result.output;
      const fired = result.firedOutputs;
      this.finish(prepared, fired === undefined ? (port) => (port === ERROR_OUTPUT ? DEAD : ACTIVE) : (port) => (fired.includes(port) ? ACTIVE : DEAD));
      return;
    }
    if (result.status === 'cancelled') {
      summary.isCancelled = true;
      this.finish(prepared, () => FAILED);
      return;
    }
    const error = result.error ?? new EngineError('BLOCK_FAILED', 'The block failed.');
    if (prepared.onError === 'error-branch') {
      this.scope[normalizedId] = { error: recordError(error) };
      this.finish(prepared, (port) => (port === ERROR_OUTPUT ? ACTIVE : DEAD));
      return;
    }
    summary.failedCount += 1;
    summary.firstError ??= error;
    run.failedCount += 1;
    run.firstError ??= error;
    if (prepared.onError === 'stop') run.isStopping = true;
    this.finish(prepared, () => FAILED);
  }
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
