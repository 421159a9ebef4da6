import { describe, expect, it } from 'vitest';
import { computeBackoffMs, resolveRetryPolicy } from './retry.js';

describe('computeBackoffMs', () => {
  const policy = resolveRetryPolicy({ maxRetries: 5, initialDelayMs: 1_000, maxDelayMs: 5_000, backoffMultiplier: 2, jitterPercent: 20 });

  it('grows exponentially and stops at maxDelay', () => {
    expect([1, 2, 3, 4].map((retry) => computeBackoffMs(policy, retry, () => 0.5))).toEqual([1_000, 2_000, 4_000, 5_000]);
  });

  it('moves the delay by at most ±jitterPercent', () => {
    expect(computeBackoffMs(policy, 1, () => 0)).toBe(800);
    expect(computeBackoffMs(policy, 1, () => 0.999_999)).toBe(1_200);
  });
});
