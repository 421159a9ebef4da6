import type { BlockContext, BlockOutcome } from '../blocks/define-block-executor.js';
import { EngineError, recordError, toEngineError } from '../errors.js';
import type { Scope } from '../template/template.js';
import type { PreparedBlock } from './prepare-workflow.js';
import { computeBackoffMs } from './retry.js';
import { callHook, type RunContext } from './run-context.js';
import type { BlockRecord } from './run-types.js';
import { childController, raceSignal } from './signals.js';

/** How one block ended; the level turns it into connection states. */
export interface BlockResult {
  status: 'completed' | 'failed' | 'cancelled';
  output: unknown;
  firedOutputs: readonly string[] | undefined;
  error: EngineError | undefined;
}

type RunBody = BlockContext['runBody'];

/** The reason an attempt's signal carries once the attempt is over (ports still holding it may clean up). */
const attemptEnded = new EngineError('BLOCK_ENDED', 'The block attempt has ended.');

const cancelled = (): BlockResult => ({ status: 'cancelled', output: undefined, firedOutputs: undefined, error: new EngineError('RUN_CANCELLED', 'The run was cancelled.') });

function newRecord(prepared: PreparedBlock, inputs: Record<string, unknown>, iteration: readonly number[], startedAt: number): BlockRecord {
  const { block } = prepared;
  return {
    blockId: block.id,
    normalizedId: block.normalizedId,
    name: block.name,
    type: block.type,
    status: 'running',
    inputs,
    output: undefined,
    error: undefined,
    skipReason: undefined,
    startedAt,
    endedAt: undefined,
    attempts: 0,
    retryHistory: [],
    iteration,
  };
}

/** One attempt: instant blocks run inline (no timer, no promise of ours); others go through guardedAttempt. */
function attempt(run: RunContext, prepared: PreparedBlock, context: BlockContext, levelSignal: AbortSignal): Promise<BlockOutcome> | BlockOutcome {
  return prepared.executor.isInstant === true ? prepared.executor.execute(context) : guardedAttempt(run, prepared, context, levelSignal);
}

/** A block doing I/O: its own signal (cancel or timeout), a timer through ports.sleep, a race against the signal. */
async function guardedAttempt(run: RunContext, prepared: PreparedBlock, context: BlockContext, levelSignal: AbortSignal): Promise<BlockOutcome> {
  const { executor } = prepared;
  // One controller per attempt: aborted by the level (cancel), by the timer (timeout), and when the attempt
  // ends (which also clears the timer, whose sleep listens to the same signal).
  const { controller, release } = childController(levelSignal);
  const seconds = prepared.timeoutMs / 1_000;
  run.ports.sleep(prepared.timeoutMs, controller.signal).then(
    () => controller.abort(new EngineError('BLOCK_TIMEOUT', `Block "${prepared.block.name}" timed out after ${seconds} s.`, { isTransient: true })),
    () => undefined,
  );
  context.signal = controller.signal;
  try {
    const running = Promise.resolve().then(() => executor.execute(context));
    return await raceSignal(running, executor.handlesTimeout === true ? levelSignal : controller.signal);
  } finally {
    release();
    controller.abort(attemptEnded);
  }
}

/**
 * Runs one block to its end: config rendered, a concurrency slot taken for blocks that do I/O, attempts with
 * timeout, transient failures retried with backoff and jitter, the record kept and hooks called.
 */
export async function executeBlock(
  run: RunContext,
  prepared: PreparedBlock,
  scope: Scope,
  inputs: Record<string, unknown>,
  iteration: readonly number[],
  levelSignal: AbortSignal,
  runBody: RunBody,
): Promise<BlockResult> {
  const { executor, block } = prepared;
  // The slot first, so `running` (and startedAt) mean running, not waiting for a slot.
  const usesSlot = executor.isInstant !== true && executor.isControl !== true;
  if (usesSlot) await run.slots.acquire();
  const record = newRecord(prepared, inputs, iteration, run.ports.now());
  run.records[block.id] = record;
  if (run.hooks.onBlockStart !== undefined) callHook(run.hooks.onBlockStart, { ...record });
  const result = await attemptWithRetries(run, prepared, scope, inputs, levelSignal, runBody, record);
  if (usesSlot) run.slots.release();
  record.endedAt = run.ports.now();
  record.status = result.status;
  record.output = result.output;
  if (result.error !== undefined) record.error = recordError(result.error);
  if (run.hooks.onBlockEnd !== undefined) callHook(run.hooks.onBlockEnd, { ...record });
  return result;
}

async function attemptWithRetries(
  run: RunContext,
  prepared: PreparedBlock,
  scope: Scope,
  inputs: Record<string, unknown>,
  levelSignal: AbortSignal,
  runBody: RunBody,
  record: BlockRecord,
): Promise<BlockResult> {
  const config = (prepared.renderConfig === undefined ? prepared.block.config : prepared.renderConfig(scope)) as Record<string, unknown>;
  const context: BlockContext = {
    block: prepared.block,
    config,
    prepared: prepared.prepared,
    scope,
    inputs,
    signal: levelSignal,
    ports: run.ports,
    run: run.info,
    attempt: 1,
    timeoutMs: prepared.timeoutMs,
    runBody,
  };
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    // A block that waited for a slot (or a backoff) while the run was cancelled does not call its port.
    if (run.isCancelled) return cancelled();
    record.attempts = attemptNumber;
    context.attempt = attemptNumber;
    context.signal = levelSignal;
    const attemptStartedAt = run.ports.now();
    try {
      const outcome = await attempt(run, prepared, context, levelSignal);
      return { status: 'completed', output: outcome.output, firedOutputs: outcome.firedOutputs, error: undefined };
    } catch (thrown) {
      if (run.isCancelled) return cancelled();
      const error = toEngineError(thrown);
      if (!error.isTransient || attemptNumber > prepared.retry.maxRetries || levelSignal.aborted) {
        return { status: 'failed', output: undefined, firedOutputs: undefined, error };
      }
      record.retryHistory.push({ attempt: attemptNumber, error: recordError(error), startedAt: attemptStartedAt, durationMs: run.ports.now() - attemptStartedAt });
      try {
        await run.ports.sleep(computeBackoffMs(prepared.retry, attemptNumber, run.ports.random), levelSignal);
      } catch {
        if (run.isCancelled) return cancelled();
        return { status: 'failed', output: undefined, firedOutputs: undefined, error };
      }
    }
  }
}
