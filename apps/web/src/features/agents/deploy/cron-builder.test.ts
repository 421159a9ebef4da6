import { describe, expect, it } from 'vitest';
import { cronExpressionProblem, describeCronSchedule, formatRunTime, fromCronExpression, nextRunTimes, switchKind, toCronExpression, type CronSchedule } from './cron-builder';

describe('cron builder ↔ expression', () => {
  const cases: [CronSchedule, string][] = [
    [{ kind: 'minutes', every: 15 }, '*/15 * * * *'],
    [{ kind: 'minutes', every: 1 }, '* * * * *'],
    [{ kind: 'hourly', minute: 5 }, '5 * * * *'],
    [{ kind: 'daily', hour: 9, minute: 30 }, '30 9 * * *'],
    [{ kind: 'weekly', days: [1, 2, 3, 4, 5], hour: 8, minute: 0 }, '0 8 * * 1-5'],
    [{ kind: 'weekly', days: [0, 6], hour: 10, minute: 15 }, '15 10 * * 0,6'],
    [{ kind: 'weekly', days: [1, 3, 4, 5], hour: 7, minute: 45 }, '45 7 * * 1,3-5'],
    [{ kind: 'monthly', day: 1, hour: 6, minute: 0 }, '0 6 1 * *'],
  ];

  it.each(cases)('writes %j as %s and reads it back', (schedule, expression) => {
    expect(toCronExpression(schedule)).toBe(expression);
    expect(fromCronExpression(expression)).toEqual(schedule);
  });

  it('reads other spellings of the same schedule into the builder', () => {
    expect(fromCronExpression('0 9 * * 1,2,3,4,5')).toEqual({ kind: 'weekly', days: [1, 2, 3, 4, 5], hour: 9, minute: 0 });
    expect(fromCronExpression('  0 9 * * 7 ')).toEqual({ kind: 'weekly', days: [0], hour: 9, minute: 0 });
  });

  it('keeps anything the builder cannot show as a custom expression', () => {
    for (const expression of ['0 9 1 1 *', '*/7 * * * *', '0 9-17 * * *', '0 9 1 * 1', '0 9 * * MON', '0 0 9 * * *']) {
      expect(fromCronExpression(expression)).toEqual({ kind: 'custom', expression: expression.trim() });
    }
  });

  it('keeps the time of day when switching kinds, and a custom expression starts from the current one', () => {
    const daily: CronSchedule = { kind: 'daily', hour: 18, minute: 45 };
    expect(switchKind(daily, 'weekly')).toEqual({ kind: 'weekly', days: [1, 2, 3, 4, 5], hour: 18, minute: 45 });
    expect(switchKind(daily, 'custom')).toEqual({ kind: 'custom', expression: '45 18 * * *' });
  });

  it('describes schedules in words', () => {
    expect(describeCronSchedule({ kind: 'weekly', days: [1, 2, 3, 4, 5], hour: 9, minute: 0 })).toBe('Every weekday at 09:00');
    expect(describeCronSchedule({ kind: 'weekly', days: [1, 3], hour: 9, minute: 5 })).toBe('Every Monday, Wednesday at 09:05');
    expect(describeCronSchedule({ kind: 'minutes', every: 10 })).toBe('Every 10 minutes');
  });
});

describe('cronExpressionProblem', () => {
  it('accepts valid expressions and explains the invalid ones', () => {
    expect(cronExpressionProblem('30 9 * * 1-5')).toBeUndefined();
    expect(cronExpressionProblem('')).toMatch(/Enter a cron expression/);
    expect(cronExpressionProblem('0 0 9 * * *')).toMatch(/5 fields .* this one has 6/);
    expect(cronExpressionProblem('61 * * * *')).toMatch(/not valid/);
    expect(cronExpressionProblem('0 0 31 2 *')).toMatch(/never runs|not valid/);
  });
});

describe('nextRunTimes', () => {
  it('computes the next five runs in the schedule\'s time zone', () => {
    // Friday 27 March 2026, 12:00 UTC. Berlin switches to summer time (UTC+2) on Sunday 29 March.
    const from = new Date('2026-03-27T12:00:00.000Z');
    const runs = nextRunTimes('0 9 * * 1-5', 'Europe/Berlin', 5, from);
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
      '2026-04-02T07:00:00.000Z',
      '2026-04-03T07:00:00.000Z',
    ]);
    expect(formatRunTime(runs[0]!, 'Europe/Berlin')).toBe('Mon, 30 Mar 2026, 09:00');
    // In New York (already on summer time, UTC-4) it is 08:00 on that Friday: the first run is the same day.
    expect(nextRunTimes('0 9 * * 1-5', 'America/New_York', 2, from).map((run) => run.toISOString())).toEqual(['2026-03-27T13:00:00.000Z', '2026-03-30T13:00:00.000Z']);
  });

  it('gives nothing for an invalid expression', () => {
    expect(nextRunTimes('0 0 9 * * *', 'UTC')).toEqual([]);
    expect(nextRunTimes('nonsense here x y z', 'UTC')).toEqual([]);
  });
});
