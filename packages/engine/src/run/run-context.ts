import type { RunInfo } from '../blocks/define-block-executor.js';
import type { EngineError } from '../errors.js';
import type { EnginePorts } from '../ports.js';
import type { BlockRecord, RunLifecycleHooks } from './run-types.js';

/** A counting semaphore: the run-wide limit on blocks doing I/O at the same time. */
export class Semaphore {
  private available: number;
  private readonly waiters: (() => void)[] = [];

  constructor(limit: number) {
    this.available = limit;
  }

  /** Resolves when a slot is free; undefined (no promise) when one is free now. */
  acquire(): Promise<void> | undefined {
    if (this.available > 0) {
      this.available -= 1;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next !== undefined) next();
    else this.available += 1;
  }
}

/** The mutable state of one run, shared by every level (top level and loop bodies). */
export interface RunContext {
  ports: EnginePorts;
  hooks: RunLifecycleHooks;
  /** The caller's signal (or one never aborted): aborting it cancels the run. */
  signal: AbortSignal;
  /** Set as soon as the caller's signal aborts; cancellation is told from timeouts by this flag. */
  isCancelled: boolean;
  info: RunInfo;
  records: Record<string, BlockRecord>;
  slots: Semaphore;
  /** Set by a failing block with `onError: "stop"`: nothing new starts. */
  isStopping: boolean;
  /** Failures not handled by an error branch, and completed blocks (for the final status). */
  failedCount: number;
  completedCount: number;
  firstError: EngineError | undefined;
}

/** Calls a lifecycle hook without letting it break or slow the run (a rejected promise is ignored). */
export function callHook<T>(hook: ((argument: T) => void | Promise<void>) | undefined, argument: T): void {
  if (hook === undefined) return;
  try {
    const result = hook(argument);
    if (result !== undefined) result.catch(() => undefined);
  } catch {
    // Hooks are observers; their failures are theirs to log.
  }
}
