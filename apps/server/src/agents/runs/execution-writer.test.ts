import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ExecutionBlockRow, ExecutionRow } from '../../platform/database/tables.js';
import { createExecutionWriter } from './execution-writer.js';

const row = (id: string, status: string): ExecutionRow => ({
  id, agent_id: 'a', user_id: 'u', trigger: 'api', api_key_id: null, workflow_version: 1, status, input: null, output: null, error: null,
  started_at: '2026-11-26T00:00:00.000Z', completed_at: null, duration_ms: null, runner_id: null,
});
const block = (executionId: string): ExecutionBlockRow => ({
  execution_id: executionId, block_id: 'b1', name: 'B', type: 'transform', status: 'completed', inputs: null, output: '1', error: null,
  started_at: null, completed_at: null, attempts: 1, retry_history: '[]',
});

describe('createExecutionWriter', () => {
  it('commits writes of the same turn together, keeps the last row of an execution, and batches what arrives during a commit', async () => {
    const batches: Array<{ rows: ExecutionRow[]; blocks: ExecutionBlockRow[] }> = [];
    let release: () => void = () => undefined;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const writer = createExecutionWriter({
      logger: pino({ level: 'silent' }),
      writeBatch: async (rows, blocks) => {
        batches.push({ rows, blocks });
        await gate;
      },
    });
    const first = [writer.write(row('e1', 'running')), writer.write(row('e2', 'running')), writer.write(row('e1', 'completed'), [block('e1')])];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(1);
    // Arrives while the first batch is being committed: waits for the next one.
    const late = writer.write(row('e3', 'running'));
    gate = Promise.resolve();
    release();
    await Promise.all([...first, late]);
    expect(batches.map((batch) => batch.rows.map((one) => `${one.id}:${one.status}`))).toEqual([['e1:completed', 'e2:running'], ['e3:running']]);
    expect(batches[0]?.blocks.map((one) => one.execution_id)).toEqual(['e1']);
  });

  it('rejects the writes of a batch that failed, and goes on with the next', async () => {
    let fail = true;
    const writer = createExecutionWriter({
      logger: pino({ level: 'silent' }),
      writeBatch: () => (fail ? Promise.reject(new Error('disk full')) : Promise.resolve()),
    });
    await expect(writer.write(row('e1', 'running'))).rejects.toThrow('disk full');
    fail = false;
    await expect(writer.write(row('e2', 'running'))).resolves.toBeUndefined();
  });
});
