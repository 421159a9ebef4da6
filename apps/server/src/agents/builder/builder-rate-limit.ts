import type { CounterStore } from '../../platform/counters/counter-store.js';
import { RateLimitedError } from '../../platform/errors/app-error.js';

/**
 * Generator, sample-input and Ask requests per user and minute (each costs one or more model calls), counted in
 * the shared counter store so every process sees the same count. A negative limit counts nothing.
 * @throws RateLimitedError beyond the limit
 */
export function createBuilderRateLimit(deps: { counters: CounterStore; perMinute: number }) {
  return async (userId: string): Promise<void> => {
    if (deps.perMinute < 0) return;
    const { count, resetInSeconds } = await deps.counters.increment(`agent-builder:${userId}`, 60);
    if (count > deps.perMinute) {
      throw new RateLimitedError(`You have used the agent builder's ${deps.perMinute} AI requests for this minute; try again in ${resetInSeconds} s`, resetInSeconds);
    }
  };
}
