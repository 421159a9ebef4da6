import { describe, expect, it } from 'vitest';
import { refreshDelay } from './session-refresh-scheduler';

describe('refreshDelay', () => {
  it('refreshes a 15-minute token one minute before it expires', () => {
    expect(refreshDelay(900_000, 0)).toBe(840_000);
  });

  it('refreshes a short-lived token at three quarters of its life', () => {
    expect(refreshDelay(100_000, 0)).toBe(75_000);
  });

  it('never schedules sooner than five seconds, even for an expired token', () => {
    expect(refreshDelay(0, 10_000)).toBe(5_000);
  });
});
