import type { Logger } from '../platform/logging/logger.js';
import type { FileStore } from './file-store.js';
import type { FilesRepository } from './files.repository.js';

/** Files on disk without a row (a crash between write and insert, a deleted account) older than this go. */
export const orphanAgeMs = 60 * 60 * 1000;
const batchSize = 500;

/** What one sweep removed. */
export interface SweepResult {
  expiredFiles: number;
  orphanBlobs: number;
}

/**
 * Deletes expired uploads and generated files (row, then bytes) and bytes no row points at. Safe to run in
 * several processes at once: every step tolerates a file or row already gone.
 */
export function createExpirySweep(deps: { repository: FilesRepository; store: FileStore; now: () => Date; logger: Logger }) {
  const { repository, store } = deps;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function removeExpired(): Promise<number> {
    let removed = 0;
    for (;;) {
      const rows = await repository.listExpired(deps.now().toISOString(), batchSize);
      for (const row of rows) {
        removed += await repository.deleteById(row.id);
        await store.remove(row.storage_name);
      }
      if (rows.length < batchSize) return removed;
    }
  }

  async function removeOrphans(): Promise<number> {
    const cutoff = deps.now().getTime() - orphanAgeMs;
    const old = (await store.list()).filter((blob) => blob.modifiedAt.getTime() < cutoff);
    const inUse = await repository.storageNamesInUse(old.filter((blob) => !blob.isPartial).map((blob) => blob.storageName));
    const orphans = old.filter((blob) => blob.isPartial || !inUse.has(blob.storageName));
    for (const blob of orphans) await store.remove(blob.storageName);
    return orphans.length;
  }

  async function sweepOnce(): Promise<SweepResult> {
    const result = { expiredFiles: await removeExpired(), orphanBlobs: await removeOrphans() };
    if (result.expiredFiles || result.orphanBlobs) deps.logger.info(result, 'expired files removed');
    return result;
  }

  return {
    sweepOnce,
    /** Sweeps now and then every `intervalMs`; the timer does not keep the process alive. */
    start(intervalMs: number): void {
      const run = () => {
        running ??= sweepOnce()
          .catch((error: unknown) => deps.logger.error({ err: error }, 'file expiry sweep failed'))
          .finally(() => { running = null; });
      };
      timer = setInterval(run, intervalMs);
      timer.unref();
      run();
    },
    /** Stops the timer and waits for a sweep in progress. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
