import type { ExecutionBlock, ExecutionError, ExecutionRecord, ExecutionStatus, ExecutionSummary, ExecutionTrigger } from '@claraverse/shared';
import type { BlockRecord } from '@claraverse/engine';
import type { ExecutionBlockRow, ExecutionRow } from '../../platform/database/tables.js';

/** Largest JSON kept for one input/output value; a larger one is stored as a marker with a preview. */
export const maxStoredJsonChars = 64 * 1024;

/**
 * JSON text for a column; `undefined` becomes null. A value whose JSON is longer than `maxChars` is replaced by
 * `{ _truncated: true, originalChars, preview }` so history stays small and the cut is visible.
 */
export function toStoredJson(value: unknown, maxChars = maxStoredJsonChars): string | null {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } catch {
    return JSON.stringify({ _truncated: true, reason: 'not serialisable' });
  }
  if (text.length <= maxChars) return text;
  return JSON.stringify({ _truncated: true, originalChars: text.length, preview: text.slice(0, Math.min(4096, maxChars)) });
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

const isoOrNull = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** The row of one block as it ended. */
export function blockRow(executionId: string, record: BlockRecord): ExecutionBlockRow {
  return {
    execution_id: executionId, block_id: record.blockId, name: record.name, type: record.type, status: record.status,
    inputs: toStoredJson(record.inputs), output: toStoredJson(record.output),
    error: record.error ? JSON.stringify(record.error) : null,
    started_at: isoOrNull(record.startedAt), completed_at: isoOrNull(record.endedAt),
    attempts: record.attempts,
    retry_history: record.retryHistory.length === 0 ? '[]' : (toStoredJson(record.retryHistory) ?? '[]'),
  };
}

/** A stored execution as the API shows it (no blocks). */
export function presentExecution(row: ExecutionRow): ExecutionSummary {
  return {
    id: row.id, agentId: row.agent_id, trigger: row.trigger as ExecutionTrigger, status: row.status as ExecutionStatus,
    workflowVersion: row.workflow_version, input: parseJson(row.input), output: parseJson(row.output),
    error: parseJson(row.error) as ExecutionError | null,
    startedAt: row.started_at, completedAt: row.completed_at, durationMs: row.duration_ms,
  };
}

function presentBlock(row: ExecutionBlockRow): ExecutionBlock {
  return {
    blockId: row.block_id, name: row.name, type: row.type, status: row.status,
    inputs: parseJson(row.inputs), output: parseJson(row.output), error: parseJson(row.error) as ExecutionError | null,
    startedAt: row.started_at, completedAt: row.completed_at, attempts: row.attempts, retryHistory: JSON.parse(row.retry_history) as unknown[],
  };
}

/** An execution with its blocks by block id. */
export function presentExecutionRecord(row: ExecutionRow, blocks: ExecutionBlockRow[]): ExecutionRecord {
  return { ...presentExecution(row), blocks: Object.fromEntries(blocks.map((block) => [block.block_id, presentBlock(block)])) };
}
