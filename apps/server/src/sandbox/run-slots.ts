/**
 * At most `limit` runs at once; the others wait in order. Each run can take the memory and a core of its
 * own, so a burst of tool calls queues instead of overloading the host. A caller that aborts while waiting
 * stops waiting (its run then ends at once as cancelled).
 */
export function createRunSlots(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];

  /** Takes a slot at once when one is free (counted before any await, so callers cannot overtake each other). */
  function takeSlot(signal: AbortSignal | undefined): Promise<void> {
    if (running < limit || signal?.aborted) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(start), 1);
        running += 1;
        resolve();
      };
      // Called by a finishing run, which hands its slot over (the count stays the same).
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      waiting.push(start);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async run<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
      await takeSlot(signal);
      try {
        return await task();
      } finally {
        releaseSlot();
      }
    },
    /** Runs started and not finished, and runs waiting. */
    get counts() {
      return { running, waiting: waiting.length };
    },
  };
}
