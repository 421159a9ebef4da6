import type { ExecutionBlockRow, ExecutionRow } from '../../platform/database/tables.js';
import type { Logger } from '../../platform/logging/logger.js';

interface Pending {
  rows: Map<string, ExecutionRow>;
  blocks: ExecutionBlockRow[];
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

/**
 * Group commit for execution records. Writes made in the same turn of the event loop (and while a batch is being
 * committed) go out together in one transaction: a started run's row, an ended run's final row and its blocks.
 * Each `write` resolves once its batch is committed, so a run's row exists before its id is answered, and its
 * final state before `done` resolves. Under load this turns two commits per run into a few per hundred runs.
 */
export function createExecutionWriter(deps: { writeBatch(rows: ExecutionRow[], blocks: ExecutionBlockRow[]): Promise<void>; logger: Logger }) {
  let pending: Pending | null = null;
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    const batch = pending;
    pending = null;
    if (!batch) return;
    try {
      await deps.writeBatch([...batch.rows.values()], batch.blocks);
      for (const waiter of batch.waiters) waiter.resolve();
    } catch (error) {
      deps.logger.error({ err: error, executions: batch.rows.size }, 'execution records could not be written');
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  function schedule(): void {
    if (flushing) return;
    flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(flush)
      .finally(() => {
        flushing = null;
        // Writes that arrived during the commit form the next batch.
        if (pending) schedule();
      });
  }

  return {
    /** Queues the execution's current row (and its ended blocks); resolves when committed. */
    write(row: ExecutionRow, blocks: readonly ExecutionBlockRow[] = []): Promise<void> {
      pending ??= { rows: new Map(), blocks: [], waiters: [] };
      const batch = pending;
      batch.rows.set(row.id, row);
      for (const block of blocks) batch.blocks.push(block);
      const committed = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
      schedule();
      return committed;
    },
    /** Resolves when nothing is queued or being written. */
    async drain(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}
export type ExecutionWriter = ReturnType<typeof createExecutionWriter>;
