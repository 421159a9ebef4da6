import { describe, expect, it } from 'vitest';
import { formatTimeAgo } from './time-ago';

const now = Date.parse('2026-03-12T10:00:00.000Z');
const ago = (milliseconds: number) => new Date(now - milliseconds).toISOString();

describe('formatTimeAgo', () => {
  it('counts seconds, then minutes, then hours', () => {
    expect(formatTimeAgo(ago(12_400), now)).toBe('12 s ago');
    expect(formatTimeAgo(ago(59_999), now)).toBe('59 s ago');
    expect(formatTimeAgo(ago(4 * 60_000 + 5_000), now)).toBe('4 min ago');
    expect(formatTimeAgo(ago(3 * 3_600_000), now)).toBe('3 h ago');
  });

  it('says "just now" for the last second and for a server clock slightly ahead', () => {
    expect(formatTimeAgo(ago(500), now)).toBe('just now');
    expect(formatTimeAgo(ago(-3_000), now)).toBe('just now');
  });

  it('falls back to the date after a day and to the input when it is not a date', () => {
    expect(formatTimeAgo(ago(2 * 86_400_000), now)).not.toMatch(/ago/);
    expect(formatTimeAgo('yesterday', now)).toBe('yesterday');
  });
});
