import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs, retryDelayMs, waitUnlessAborted } from './retry.js';

describe('retryDelayMs', () => {
  const policy = { attempts: 3, baseDelayMs: 300, maxDelayMs: 5_000 };

  it('doubles the delay per failed attempt, with up to half of it as jitter', () => {
    expect(retryDelayMs(1, policy, undefined, () => 0)).toBe(150);
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(300);
    expect(retryDelayMs(2, policy, undefined, () => 1)).toBe(600);
    expect(retryDelayMs(3, policy, undefined, () => 0.5)).toBe(900);
  });

  it('uses Retry-After when given, capped at maxDelayMs', () => {
    expect(retryDelayMs(1, policy, 2_000)).toBe(2_000);
    expect(retryDelayMs(1, policy, 60_000)).toBe(5_000);
    expect(retryDelayMs(10, policy, undefined, () => 1)).toBe(5_000);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds, HTTP dates and retry-after-ms, from Headers or plain records', () => {
    expect(parseRetryAfterMs({ 'retry-after': '3' })).toBe(3_000);
    expect(parseRetryAfterMs(new Headers({ 'Retry-After': '0.5' }))).toBe(500);
    expect(parseRetryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' })).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfterMs({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }, now)).toBe(10_000);
  });

  it('returns undefined when the header is absent or unreadable', () => {
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs({})).toBeUndefined();
    expect(parseRetryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});

describe('waitUnlessAborted', () => {
  it('resolves false as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = waitUnlessAborted(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
  });
});
