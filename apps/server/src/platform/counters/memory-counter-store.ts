import type { CounterStore } from './counter-store.js';

/** In-process counters; expired windows are dropped lazily and by a sweep every minute. */
export function createMemoryCounterStore(now: () => number = Date.now): CounterStore {
  const windows = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = windows.get(key);
    if (entry && entry.expiresAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = setInterval(() => {
    for (const key of windows.keys()) live(key);
  }, 60_000);
  sweep.unref();
  const secondsLeft = (expiresAt: number) => Math.max(0, Math.ceil((expiresAt - now()) / 1000));
  return {
    increment(key, windowSeconds) {
      const entry = live(key) ?? { count: 0, expiresAt: now() + windowSeconds * 1000 };
      entry.count += 1;
      windows.set(key, entry);
      return Promise.resolve({ count: entry.count, resetInSeconds: secondsLeft(entry.expiresAt) });
    },
    get(key) {
      const entry = live(key);
      return Promise.resolve(entry ? { count: entry.count, resetInSeconds: secondsLeft(entry.expiresAt) } : { count: 0, resetInSeconds: 0 });
    },
    reset(key) {
      windows.delete(key);
      return Promise.resolve();
    },
    close() {
      clearInterval(sweep);
      windows.clear();
      return Promise.resolve();
    },
  };
}
