import { randomUUID } from 'node:crypto';
import type { ExecutionRecord, ExecutionTrigger } from '@claraverse/shared';
import type { BlockRecord, Engine, PreparedWorkflow, RunResult } from '@claraverse/engine';
import type { CounterStore } from '../../platform/counters/counter-store.js';
import { AppError, NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentRow, ExecutionRow } from '../../platform/database/tables.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { AgentsRepository } from '../agents.repository.js';
import { blockRow, presentExecutionRecord, toStoredJson } from './execution-records.js';
import type { ExecutionsRepository } from './executions.repository.js';
import { createExecutionWriter, type ExecutionWriter } from './execution-writer.js';
import { checkFileInput, createDailyRunLimit, createWorkflowLoader, type CheckUpload } from './run-guards.js';
import { createRunnerRegistry } from './runner-registry.js';

/** Who hears about a run as it goes (the WebSocket that started it). Called synchronously; must not throw. */
export interface RunListener {
  onBlock?(record: Readonly<BlockRecord>): void;
  onEnd?(record: ExecutionRecord): void;
}

export interface StartRunOptions {
  trigger: ExecutionTrigger;
  apiKeyId?: string;
  listener?: RunListener;
  /** Sub-agent runs: depth and callers, and the parent's signal. */
  depth?: number;
  callChain?: readonly string[];
  parentSignal?: AbortSignal;
  /**
   * false: start the run without waiting for its `running` row to be committed (the caller answers only when the
   * run ends, e.g. `?wait=true`): a quick run is then written once, with its final state. Default true.
   */
  recordStartFirst?: boolean;
}

export interface StartedRun {
  executionId: string;
  /** Resolves with the stored record when the run has ended and been persisted; never rejects. */
  done: Promise<ExecutionRecord>;
}

interface RunningEntry {
  userId: string;
  controller: AbortController;
  done: Promise<ExecutionRecord>;
}


/**
 * Runs a prepared workflow for an execution row already queued: persists the end through the writer (onRunEnd),
 * tells the listener, and resolves with the stored record (never rejects). `onSettled` runs before the listener.
 */
function executeRun(
  ctx: { engine: Engine; writer: ExecutionWriter; logger: Logger; now: () => Date },
  prepared: PreparedWorkflow,
  row: ExecutionRow,
  input: unknown,
  options: StartRunOptions,
  onSettled: () => void,
): { controller: AbortController; done: Promise<ExecutionRecord> } {
  const { writer, logger, now } = ctx;
  const { id: executionId, user_id: userId, agent_id: agentId } = row;
  const controller = new AbortController();
  const signal = options.parentSignal ? AbortSignal.any([controller.signal, options.parentSignal]) : controller.signal;
  const listener = options.listener;
  let record: ExecutionRecord | undefined;

  const persist = async (result: RunResult): Promise<void> => {
    const completedAt = now();
    const ended: ExecutionRow = {
      ...row, status: result.status, output: toStoredJson(result.output), error: result.error ? JSON.stringify(result.error) : null,
      completed_at: completedAt.toISOString(), duration_ms: Math.max(0, Math.round(result.durationMs)),
    };
    const blocks = Object.values(result.blocks).map((block) => blockRow(executionId, block));
    await writer.write(ended, blocks);
    record = presentExecutionRecord(ended, blocks);
  };

  const done = ctx.engine
    .run(prepared, {
      userId, agentId, input, signal, depth: options.depth ?? 0, callChain: options.callChain ?? [],
      hooks: {
        ...(listener?.onBlock ? { onBlockStart: listener.onBlock, onBlockEnd: listener.onBlock } : {}),
        onRunEnd: persist,
      },
    })
    .then(
      () => record as ExecutionRecord,
      async (error: unknown) => {
        // Only a hook can make run() reject (e.g. the database went away while persisting): record the failure.
        logger.error({ err: error, executionId }, 'agent run failed outside the engine');
        const failed: ExecutionRow = { ...row, status: 'failed', error: JSON.stringify({ code: 'internal', message: 'The run could not be recorded' }), completed_at: now().toISOString() };
        await writer.write(failed).catch(() => undefined);
        return presentExecutionRecord(failed, []);
      },
    )
    .then((ended) => {
      onSettled();
      listener?.onEnd?.(ended);
      return ended;
    });
  return { controller, done };
}

/**
 * Runs agents' workflows: checks the agent and its input, records the execution (its row at start; its final row
 * and blocks at the end, from the engine's onRunEnd hook; both through the group-commit writer), tells the
 * listener, and lets the owner cancel. Runs left `running` by a stopped process are marked `failed` (`interrupted`) at start.
 */
export function createAgentRunsService(deps: {
  engine: Engine;
  agentsRepository: AgentsRepository;
  executionsRepository: ExecutionsRepository;
  logger: Logger;
  now: () => Date;
  /** Counts top-level runs per user and UTC day (`executions:<userId>:<YYYY-MM-DD>`, reference §8.2). */
  counters: CounterStore;
  /** Top-level runs per user per day; -1 = unlimited (LIMITS_ENABLED=false). */
  maxExecutionsPerDay: number;
  /** Called once a top-level run is recorded (the completion callback); must not throw. */
  onRunRecorded?(agent: AgentRow, record: ExecutionRecord): Promise<void>;
  /** The files domain's check of an upload a file input names (absent: not checked). */
  checkUpload?: CheckUpload;
}) {
  const running = new Map<string, RunningEntry>();
  const runner = createRunnerRegistry({ executionsRepository: deps.executionsRepository, logger: deps.logger, now: deps.now });
  const runnerId = runner.id;
  const writer = createExecutionWriter({ writeBatch: (rows, blocks) => deps.executionsRepository.writeBatch(rows, blocks), logger: deps.logger });

  const loadWorkflow = createWorkflowLoader(deps.engine);
  const countToday = createDailyRunLimit({ counters: deps.counters, now: deps.now, maxPerDay: deps.maxExecutionsPerDay });

  async function start(userId: string, agentId: string, input: unknown, options: StartRunOptions): Promise<StartedRun> {
    const agent = await deps.agentsRepository.findOfUser(userId, agentId);
    if (!agent) throw new NotFoundError('agent', agentId);
    const prepared = loadWorkflow(agent);
    const inputError = deps.engine.checkInput(prepared, input);
    if (inputError) throw new AppError('validation_failed', inputError.message, { agentId, code: inputError.code });
    await checkFileInput(prepared, userId, input, deps.checkUpload);
    if ((options.depth ?? 0) === 0) await countToday(userId);

    const executionId = randomUUID();
    const startedAt = deps.now();
    const row: ExecutionRow = {
      id: executionId, agent_id: agentId, user_id: userId, trigger: options.trigger, api_key_id: options.apiKeyId ?? null,
      workflow_version: agent.workflow_version, status: 'running', input: toStoredJson(input), output: null, error: null,
      started_at: startedAt.toISOString(), completed_at: null, duration_ms: null, runner_id: runnerId,
    };
    const started = writer.write(row);
    if (options.recordStartFirst !== false) await started;
    else started.catch(() => undefined); // The final write reports the failure.

    const { controller, done } = executeRun({ engine: deps.engine, writer, logger: deps.logger, now: deps.now }, prepared, row, input, options, () => {
      running.delete(executionId);
    });
    const onRecorded = deps.onRunRecorded;
    if (onRecorded && (options.depth ?? 0) === 0) void done.then((record) => onRecorded(agent, record));
    running.set(executionId, { userId, controller, done });
    return { executionId, done };
  }

  return {
    /** Starts a run. @throws NotFoundError (unknown or another user's agent or upload), validation_failed (no workflow, bad input, expired upload) */
    start,

    /** Cancels a running execution of this user; false when it is not running here. */
    cancel(userId: string, executionId: string): boolean {
      const entry = running.get(executionId);
      if (!entry || entry.userId !== userId) return false;
      entry.controller.abort(new AppError('conflict', 'The run was cancelled'));
      return true;
    },

    /** The run's end, when it runs in this process. */
    whenDone: (executionId: string): Promise<ExecutionRecord> | undefined => running.get(executionId)?.done,

    /** A sub_agent block: runs another of the user's agents and waits for it. */
    async runChild(request: { userId: string; agentId: string; input: unknown; depth: number; callChain: string[] }, signal: AbortSignal, trigger: ExecutionTrigger) {
      const child = await start(request.userId, request.agentId, request.input, { trigger, depth: request.depth, callChain: request.callChain, parentSignal: signal });
      const ended = await child.done;
      return { status: ended.status === 'running' ? 'failed' as const : ended.status, output: ended.output, ...(ended.error ? { error: ended.error } : {}) };
    },

    runnerId,

    /** Registers this process as a runner and fails runs of stopped processes (`runner-registry.ts`). */
    startRunner: () => runner.start(),

    /** Retention: deletes finished executions older than `days` (reference §8.2: 30 days on the default tier). */
    async deleteOlderThan(days: number): Promise<number> {
      const cutoff = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
      const count = await deps.executionsRepository.deleteStartedBefore(cutoff);
      if (count > 0) deps.logger.info({ count, days }, 'old executions deleted (retention)');
      return count;
    },

    /** Cancels every run of this process and waits until they are recorded (shutdown). */
    async stopAll(): Promise<void> {
      const entries = [...running.values()];
      for (const entry of entries) entry.controller.abort(new AppError('service_unavailable', 'The server is shutting down'));
      await Promise.all(entries.map((entry) => entry.done));
      await runner.stop();
    },
  };
}
export type AgentRunsService = ReturnType<typeof createAgentRunsService>;
