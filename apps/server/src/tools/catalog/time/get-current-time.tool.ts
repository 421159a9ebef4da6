import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

/** `+02:00` for a zone at an instant (Intl gives `GMT+2`, `GMT-03:30` or `GMT`). */
function utcOffset(instant: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (!match) return '+00:00';
  return `${match[1]}${match[2]!.padStart(2, '0')}:${match[3] ?? '00'}`;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'long',
  }).formatToParts(instant);
  return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}

/** The canonical spelling of an IANA zone (`europe/berlin` → `Europe/Berlin`). @throws AppError when unknown */
function canonicalZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new AppError(
      'validation_failed',
      `"${timeZone}" is not a time zone I know. Use an IANA name such as UTC, Europe/Berlin, America/New_York or Asia/Tokyo.`,
    );
  }
}

export const getCurrentTimeTool = defineTool({
  name: 'get_current_time',
  displayName: 'Get Current Time',
  description:
    'Returns the current date and time in a time zone (IANA name such as Europe/Berlin or America/New_York; default UTC): ' +
    'ISO 8601 with offset, the weekday, a readable form, the UTC offset and the Unix time. Use it whenever the answer ' +
    'depends on today\'s date or the time somewhere.',
  icon: 'Clock',
  category: 'time',
  keywords: ['time', 'date', 'clock', 'today', 'now', 'timezone', 'time zone', 'day of week', 'current'],
  inputSchema: z.object({
    timezone: z.string().trim().min(1).max(64).default('UTC').describe('IANA time zone, e.g. "Europe/Paris"; default UTC'),
  }),
  async execute({ timezone }, context) {
    const timeZone = canonicalZone(timezone);
    const instant = context.now();
    const clock = wallClock(instant, timeZone);
    const offset = utcOffset(instant, timeZone);
    const date = `${clock.year}-${clock.month}-${clock.day}`;
    const time = `${clock.hour}:${clock.minute}:${clock.second}`;
    const readable = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'full', timeStyle: 'long' }).format(instant);
    return {
      result: {
        timezone: timeZone,
        iso: `${date}T${time}${offset}`,
        date,
        time,
        weekday: clock.weekday,
        readable,
        utcOffset: offset,
        unix: Math.floor(instant.getTime() / 1000),
      },
    };
  },
});
