import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CappedText } from './capped-text.js';

/** Messages a sandbox worker posts: `ready` once its runtime is loaded, output as it comes, then `done`. */
export type WorkerMessage<Done> =
  | { type: 'ready' }
  | { type: 'stdout' | 'stderr'; text: string }
  | { type: 'done'; result: Done }
  | { type: 'failed'; message: string };

export interface WorkerRunOptions {
  /** CommonJS source run with `eval: true`, so the same code works under tsx, vitest and the built server. */
  source: string;
  workerData: unknown;
  transferList?: ReadonlyArray<ArrayBuffer>;
  resourceLimits?: ResourceLimits;
  /** Milliseconds the worker may take to load its runtime before the run starts. */
  startupTimeoutMs: number;
  /** The run's own limit, counted from `ready`, milliseconds. */
  timeoutMs: number;
  /** Asks the code to stop at the deadline; the worker is terminated `graceMs` later whatever it does. */
  softStop?: () => void;
  graceMs: number;
  signal?: AbortSignal;
  stdout: CappedText;
  stderr: CappedText;
  /** Polled while the code runs; true stops the run as out of memory. */
  isOverMemory?: () => boolean;
  /** Called once the runtime is loaded (e.g. to take a memory baseline). */
  onReady?: () => void;
}

export type WorkerStopReason = 'timeout' | 'cancelled' | 'memory';

export type WorkerRunOutcome<Done> =
  | { status: 'done'; result: Done; stopReason?: WorkerStopReason }
  | { status: 'stopped'; stopReason: WorkerStopReason }
  | { status: 'failed'; message: string };

const memoryPollMs = 200;

/**
 * Runs untrusted code in a worker thread whose `terminate()` is the hard stop: a deadline (soft stop first,
 * then terminate), the caller's abort, a memory check, and V8 heap limits for the worker's JavaScript side.
 */
export function runInWorker<Done>(options: WorkerRunOptions): Promise<WorkerRunOutcome<Done>> {
  return new Promise((resolve) => {
    const worker = new Worker(options.source, {
      eval: true,
      workerData: options.workerData,
      transferList: options.transferList ? [...options.transferList] : [],
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
      stdout: true,
      stderr: true,
    });
    let settled = false;
    let stopReason: WorkerStopReason | undefined;
    const timers: NodeJS.Timeout[] = [];

    const finish = (outcome: WorkerRunOutcome<Done>) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      clearInterval(memoryPoll);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const hardStop = (reason: WorkerStopReason) => {
      stopReason ??= reason;
      finish({ status: 'stopped', stopReason });
    };
    const stop = (reason: WorkerStopReason) => {
      if (settled || stopReason) return;
      stopReason = reason;
      if (reason === 'timeout' && options.softStop) {
        options.softStop();
        timers.push(setTimeout(() => hardStop(reason), options.graceMs));
      } else {
        hardStop(reason);
      }
    };
    const onAbort = () => stop('cancelled');
    let memoryPoll: NodeJS.Timeout | undefined;

    if (options.signal?.aborted) {
      hardStop('cancelled');
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    timers.push(setTimeout(() => finish({ status: 'failed', message: `The code runtime did not start within ${Math.round(options.startupTimeoutMs / 1000)} s.` }), options.startupTimeoutMs));

    worker.on('message', (message: WorkerMessage<Done>) => {
      if (settled) return;
      switch (message.type) {
        case 'ready':
          clearTimeout(timers[0]);
          options.onReady?.();
          timers.push(setTimeout(() => stop('timeout'), options.timeoutMs));
          if (options.isOverMemory) memoryPoll = setInterval(() => options.isOverMemory?.() && stop('memory'), memoryPollMs);
          break;
        case 'stdout':
          options.stdout.append(message.text);
          break;
        case 'stderr':
          options.stderr.append(message.text);
          break;
        case 'done':
          finish({ status: 'done', result: message.result, ...(stopReason ? { stopReason } : {}) });
          break;
        case 'failed':
          finish({ status: 'failed', message: message.message });
          break;
      }
    });
    // The worker's own console goes to the run's output, never to the server's.
    worker.stdout.on('data', (chunk: Buffer) => options.stdout.append(chunk));
    worker.stderr.on('data', (chunk: Buffer) => options.stderr.append(chunk));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') hardStop('memory');
      else finish({ status: 'failed', message: error.message });
    });
    worker.on('exit', () => {
      if (stopReason) hardStop(stopReason);
      else finish({ status: 'failed', message: 'The code runtime stopped unexpectedly.' });
    });
  });
}
