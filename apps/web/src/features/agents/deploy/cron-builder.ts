import { Cron } from 'croner';

/**
 * The visual cron builder's model and its two-way mapping to a 5-field cron expression
 * (`minute hour day-of-month month day-of-week`, Sunday = 0), plus the next run times computed with croner in a
 * time zone — the same library and options the server's schedule ticker uses, so the preview is what will happen.
 */
export type CronSchedule =
  | { kind: 'minutes'; every: number }
  | { kind: 'hourly'; minute: number }
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; days: number[]; hour: number; minute: number }
  | { kind: 'monthly'; day: number; hour: number; minute: number }
  | { kind: 'custom'; expression: string };

export type CronKind = CronSchedule['kind'];

export const cronKinds: readonly { value: CronKind; label: string }[] = [
  { value: 'minutes', label: 'Every N minutes' },
  { value: 'hourly', label: 'Hourly' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'custom', label: 'Custom expression' },
];

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The intervals "every N minutes" offers: those that divide an hour, so runs stay evenly spaced. */
export const minuteIntervals = [1, 2, 5, 10, 15, 20, 30] as const;

/** Compresses sorted days into cron's list-and-range form: [1,2,3,4,5] → `1-5`, [0,6] → `0,6`. */
function daysField(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    parts.push(end - index >= 2 ? `${sorted[index]}-${sorted[end]}` : sorted.slice(index, end + 1).join(','));
    index = end + 1;
  }
  return parts.join(',');
}

/** The cron expression of a builder state. */
export function toCronExpression(schedule: CronSchedule): string {
  switch (schedule.kind) {
    case 'minutes':
      return schedule.every === 1 ? '* * * * *' : `*/${schedule.every} * * * *`;
    case 'hourly':
      return `${schedule.minute} * * * *`;
    case 'daily':
      return `${schedule.minute} ${schedule.hour} * * *`;
    case 'weekly':
      return `${schedule.minute} ${schedule.hour} * * ${schedule.days.length === 0 ? '*' : daysField(schedule.days)}`;
    case 'monthly':
      return `${schedule.minute} ${schedule.hour} ${schedule.day} * *`;
    case 'custom':
      return schedule.expression.trim();
  }
}

/** A plain number in [min, max], or undefined. */
function plainNumber(field: string, min: number, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(field)) return undefined;
  const value = Number(field);
  return value >= min && value <= max ? value : undefined;
}

/** `1-5`, `1,3,5`, `0,6` → days (7 read as Sunday); undefined for steps, names or anything else. */
function parseDays(field: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const range = /^(\d)-(\d)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to || to > 7) return undefined;
      for (let day = from; day <= to; day += 1) days.add(day % 7);
    } else {
      const day = plainNumber(part, 0, 7);
      if (day === undefined) return undefined;
      days.add(day % 7);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * Reads an expression back into the builder: the shapes the builder writes (and equivalent spellings such as
 * `0 9 * * 1,2,3,4,5`) come back as their visual form; anything else is `custom`, so no expression is lost.
 */
export function fromCronExpression(expression: string): CronSchedule {
  const text = expression.trim();
  const fields = text.split(/\s+/);
  const custom: CronSchedule = { kind: 'custom', expression: text };
  if (fields.length !== 5) return custom;
  const [minuteField = '', hourField = '', dayField = '', monthField = '', weekdayField = ''] = fields;
  if (monthField !== '*') return custom;

  if (hourField === '*' && dayField === '*' && weekdayField === '*') {
    if (minuteField === '*') return { kind: 'minutes', every: 1 };
    const step = /^\*\/(\d{1,2})$/.exec(minuteField);
    if (step) {
      const every = Number(step[1]);
      return (minuteIntervals as readonly number[]).includes(every) ? { kind: 'minutes', every } : custom;
    }
    const minute = plainNumber(minuteField, 0, 59);
    return minute === undefined ? custom : { kind: 'hourly', minute };
  }

  const minute = plainNumber(minuteField, 0, 59);
  const hour = plainNumber(hourField, 0, 23);
  if (minute === undefined || hour === undefined) return custom;
  if (dayField === '*' && weekdayField === '*') return { kind: 'daily', hour, minute };
  if (dayField === '*') {
    const days = parseDays(weekdayField);
    return days === undefined ? custom : { kind: 'weekly', days, hour, minute };
  }
  if (weekdayField === '*') {
    const day = plainNumber(dayField, 1, 31);
    return day === undefined ? custom : { kind: 'monthly', day, hour, minute };
  }
  return custom;
}

/** A fresh builder state of `kind`, keeping the time of day of `previous` where both have one. */
export function switchKind(previous: CronSchedule, kind: CronKind): CronSchedule {
  const hour = 'hour' in previous ? previous.hour : 9;
  const minute = 'minute' in previous ? previous.minute : 0;
  switch (kind) {
    case 'minutes':
      return { kind, every: 15 };
    case 'hourly':
      return { kind, minute };
    case 'daily':
      return { kind, hour, minute };
    case 'weekly':
      return { kind, days: [1, 2, 3, 4, 5], hour, minute };
    case 'monthly':
      return { kind, day: 1, hour, minute };
    case 'custom':
      return { kind, expression: toCronExpression(previous) };
  }
}

/**
 * Why an expression cannot be scheduled, as a sentence, or undefined when it can: the server's 5-field rule first
 * (croner would also take 6 fields with seconds), then croner's own parser, then whether it ever fires.
 */
export function cronExpressionProblem(expression: string): string | undefined {
  const text = expression.trim();
  if (text === '') return 'Enter a cron expression, e.g. 30 9 * * 1-5.';
  const count = text.split(/\s+/).length;
  if (count !== 5) return `A cron expression has 5 fields (minute hour day-of-month month day-of-week); this one has ${count}.`;
  try {
    const cron = new Cron(text, { paused: true });
    if (cron.nextRun() === null) return 'This expression never runs.';
  } catch (error) {
    return `This expression is not valid: ${error instanceof Error ? error.message : String(error)}.`;
  }
  return undefined;
}

/** The next `count` run times of `expression` in `timezone` after `from`; empty when the expression is not valid. */
export function nextRunTimes(expression: string, timezone: string, count = 5, from: Date = new Date()): Date[] {
  if (cronExpressionProblem(expression) !== undefined) return [];
  try {
    return new Cron(expression.trim(), { timezone, paused: true }).nextRuns(count, from);
  } catch {
    return [];
  }
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A sentence for the builder state: "Every weekday at 09:00", "Every 15 minutes". */
export function describeCronSchedule(schedule: CronSchedule): string {
  const time = 'hour' in schedule ? `${twoDigits(schedule.hour)}:${twoDigits(schedule.minute)}` : '';
  switch (schedule.kind) {
    case 'minutes':
      return schedule.every === 1 ? 'Every minute' : `Every ${schedule.every} minutes`;
    case 'hourly':
      return `Every hour at minute ${schedule.minute}`;
    case 'daily':
      return `Every day at ${time}`;
    case 'weekly': {
      const days = daysField(schedule.days);
      if (days === '1-5') return `Every weekday at ${time}`;
      if (days === '0,6') return `Every weekend day at ${time}`;
      if (schedule.days.length === 0 || days === '0-6') return `Every day at ${time}`;
      return `Every ${[...new Set(schedule.days)].sort((a, b) => a - b).map((day) => weekdayNames[day]).join(', ')} at ${time}`;
    }
    case 'monthly':
      return `On day ${schedule.day} of every month at ${time}`;
    case 'custom':
      return `Custom: ${schedule.expression}`;
  }
}

/** A run time as a person in `timezone` reads it: "Mon, 30 Mar 2026, 09:00". */
export function formatRunTime(date: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** The browser's time zone (IANA), UTC when it cannot tell. */
export function browserTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** IANA zones for the picker: the platform's list when it has one, with UTC and `current` always present. */
export function timezoneOptions(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...supported])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}
