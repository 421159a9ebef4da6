import { AppError } from '../platform/errors/app-error.js';

/** Gives back a slot taken with `acquire`; calling it twice is harmless. */
export type ReleaseSlot = () => void;

export interface PageSlots {
  /**
   * Waits for a free slot. Resolves at once when fewer than `limit` are taken; otherwise joins the line.
   * @throws AppError `service_unavailable` when the line is full or the slots were closed; the signal's reason
   *   when it aborts while waiting
   */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>;
  /** Refuses everyone still waiting and every later `acquire`. */
  close(): void;
  /** Slots taken and callers waiting (for tests and metrics). */
  readonly stats: { active: number; waiting: number };
}

interface Waiter {
  grant(release: ReleaseSlot): void;
  refuse(error: unknown): void;
}

/**
 * A small counting semaphore with a bounded, abortable line: Chromium renders only a few pages at once, so a
 * burst of documents waits instead of starting dozens of renderers on a 2-core machine.
 */
export function createPageSlots(limit: number, maxWaiting: number): PageSlots {
  let active = 0;
  let closed = false;
  const waiting: Waiter[] = [];

  function releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // The slot passes straight to the next in line, so `active` stays the same.
      if (next) next.grant(releaser());
      else active -= 1;
    };
  }

  return {
    acquire(signal) {
      if (closed) return Promise.reject(new AppError('service_unavailable', 'The document renderer is shutting down.'));
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active += 1;
        return Promise.resolve(releaser());
      }
      if (waiting.length >= maxWaiting) {
        return Promise.reject(new AppError('service_unavailable', 'Too many documents are being rendered right now; try again in a minute.'));
      }
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = () => {
          const index = waiting.indexOf(waiter);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          refuse: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(waiter);
      });
    },
    close() {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.refuse(new AppError('service_unavailable', 'The document renderer is shutting down.'));
    },
    get stats() {
      return { active, waiting: waiting.length };
    },
  };
}
