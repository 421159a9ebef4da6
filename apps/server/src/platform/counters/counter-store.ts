/**
 * Fixed-window counters for rate limits and failure counts. In-process in single-machine mode, Redis in
 * scale-out mode, so every server process sees the same counts.
 */
export interface CounterStore {
  /** Adds one to `key` and returns the count in the current window and the seconds until it resets. */
  increment(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  /** The current count (0 when absent or expired). */
  get(key: string): Promise<{ count: number; resetInSeconds: number }>;
  /** Forgets `key`. */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
