import type { RetryPolicy } from '../workflow.schema.js';

/** Resolved retry policy: every field present. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

/** No retries: the default for blocks (llm_inference sets its own per-call policy). */
export const noRetry: ResolvedRetryPolicy = { maxRetries: 0, initialDelayMs: 1_000, maxDelayMs: 30_000, backoffMultiplier: 2, jitterPercent: 20 };

/** Fills a partial policy from the defaults. */
export function resolveRetryPolicy(policy: Partial<RetryPolicy> | undefined, defaults: ResolvedRetryPolicy = noRetry): ResolvedRetryPolicy {
  if (policy === undefined) return defaults;
  return {
    maxRetries: policy.maxRetries ?? defaults.maxRetries,
    initialDelayMs: policy.initialDelayMs ?? defaults.initialDelayMs,
    maxDelayMs: policy.maxDelayMs ?? defaults.maxDelayMs,
    backoffMultiplier: policy.backoffMultiplier ?? defaults.backoffMultiplier,
    jitterPercent: policy.jitterPercent ?? defaults.jitterPercent,
  };
}

/**
 * Delay before retry number `retry` (1-based): initial × multiplier^(retry−1), capped at maxDelay, then moved by
 * up to ±jitterPercent using `random` (in [0, 1)), never below zero.
 */
export function computeBackoffMs(policy: ResolvedRetryPolicy, retry: number, random: () => number): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffMultiplier ** (retry - 1));
  const jitter = base * (policy.jitterPercent / 100) * (random() * 2 - 1);
  return Math.max(0, Math.round(base + jitter));
}
