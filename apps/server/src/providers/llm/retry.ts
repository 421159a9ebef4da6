/** Retry timing for provider calls: exponential backoff with jitter, `Retry-After` honoured but capped. */

/** How often and how patiently to retry. Delays in milliseconds. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** Delay before the second try; doubles each time. */
  baseDelayMs: number;
  /** Cap on any single delay, `Retry-After` included. Default 20 000. */
  maxDelayMs?: number;
}

/** 3 tries, 300 ms then 600 ms (± jitter). */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 20_000 };

/**
 * The wait before the next try, in milliseconds, after `failedAttempt` (1-based) tries failed: half the
 * exponential delay plus a random half ("equal jitter"), or the provider's `Retry-After` when given; capped.
 */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const cap = policy.maxDelayMs ?? defaultRetryPolicy.maxDelayMs ?? 20_000;
  if (retryAfterMs !== undefined) return Math.min(cap, Math.max(0, retryAfterMs));
  const exponential = policy.baseDelayMs * 2 ** (failedAttempt - 1);
  return Math.min(cap, Math.round(exponential / 2 + (random() * exponential) / 2));
}

function headerValue(headers: Headers | Record<string, string | undefined> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * Reads `retry-after-ms` (OpenAI) or `retry-after` (seconds or an HTTP date), in milliseconds.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: Headers | Record<string, string | undefined> | undefined, now = Date.now()): number | undefined {
  const milliseconds = Number(headerValue(headers, 'retry-after-ms'));
  if (Number.isFinite(milliseconds) && milliseconds >= 0 && headerValue(headers, 'retry-after-ms') !== undefined) return milliseconds;
  const value = headerValue(headers, 'retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `milliseconds`; resolves false early (without throwing) when `signal` aborts. */
export function waitUnlessAborted(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
