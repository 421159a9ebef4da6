import type { Engine, PreparedWorkflow, Workflow } from '@claraverse/engine';
import type { CounterStore } from '../../platform/counters/counter-store.js';
import { AppError, RateLimitedError, ValidationError } from '../../platform/errors/app-error.js';

/**
 * The compiled workflow of an agent's current version: parsed once per `<agentId>:<version>` and compiled once
 * (the engine's `prepare` cache has the same key). @throws validation_failed when the agent has no workflow
 */
export function createWorkflowLoader(engine: Pick<Engine, 'prepare'>) {
  const parsed = new Map<string, Workflow>();
  return (row: { id: string; workflow: string | null; workflow_version: number; block_count: number }): PreparedWorkflow => {
    if (row.workflow === null || row.block_count === 0) throw new AppError('validation_failed', 'This agent has no workflow yet; save one first', { agentId: row.id });
    const cacheKey = `${row.id}:${row.workflow_version}`;
    let workflow = parsed.get(cacheKey);
    if (!workflow) {
      if (parsed.size >= 500) parsed.delete(parsed.keys().next().value as string);
      workflow = JSON.parse(row.workflow) as Workflow;
      parsed.set(cacheKey, workflow);
    }
    return engine.prepare(workflow, cacheKey);
  };
}

/**
 * Counts a top-level run against the user's daily limit (`executions:<userId>:<YYYY-MM-DD>`, reset at 00:00 UTC,
 * reference §8.2). A negative limit counts nothing. @throws RateLimitedError beyond the limit
 */
export function createDailyRunLimit(deps: { counters: CounterStore; now: () => Date; maxPerDay: number }) {
  return async (userId: string): Promise<void> => {
    if (deps.maxPerDay < 0) return;
    const now = deps.now();
    const day = now.toISOString().slice(0, 10);
    const secondsToMidnight = Math.ceil((Date.parse(`${day}T00:00:00.000Z`) + 86_400_000 - now.getTime()) / 1000);
    const { count } = await deps.counters.increment(`executions:${userId}:${day}`, secondsToMidnight + 86_400);
    if (count > deps.maxPerDay) {
      throw new RateLimitedError(`You have used your ${deps.maxPerDay} agent runs for today; more are possible from 00:00 UTC`, secondsToMidnight);
    }
  };
}

/** The state of one of the user's uploads (the files service's `status`). @throws NotFoundError when not theirs or unknown */
export type CheckUpload = (userId: string, fileId: string) => Promise<{ status: 'ready' | 'expired' }>;

/** Whether `block` is a start block (variable `read` of `input`) that takes a file. */
export function isFileStartBlock(block: { type: unknown; config: Record<string, unknown> }): boolean {
  return block.type === 'variable' && (block.config['operation'] ?? 'read') === 'read' && block.config['variableName'] === 'input' && block.config['inputType'] === 'file';
}

/**
 * The upload a run input names when the agent's start block takes a file (`{ file_id | fileId, … }`): it must be
 * one of the user's live uploads, so a run cannot refer to another user's file and fails early on an expired one.
 * Nothing to check for other start blocks. @throws NotFoundError (not the user's upload), ValidationError (expired)
 */
export async function checkFileInput(prepared: PreparedWorkflow, userId: string, input: unknown, checkUpload: CheckUpload | undefined): Promise<void> {
  if (checkUpload === undefined || input === null || typeof input !== 'object') return;
  if (!prepared.workflow.blocks.some(isFileStartBlock)) return;
  const reference = input as Record<string, unknown>;
  const fileId = reference['file_id'] ?? reference['fileId'];
  if (typeof fileId !== 'string') return;
  if ((await checkUpload(userId, fileId)).status === 'expired') throw new ValidationError(`The uploaded file ${fileId} has expired; upload it again`);
}
