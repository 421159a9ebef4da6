import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createTestToolContext } from '../../test-support.js';
import { getCurrentTimeTool } from './get-current-time.tool.js';

const instant = new Date('2026-03-29T00:30:00.000Z'); // a Sunday; Europe switches to summer time at 01:00 UTC
const context = createTestToolContext({ now: () => instant });

async function run(args: unknown) {
  return (await getCurrentTimeTool.execute(getCurrentTimeTool.inputSchema.parse(args), context)).result;
}

describe('get_current_time', () => {
  it('answers in UTC by default', async () => {
    expect(await run({})).toEqual({
      timezone: 'UTC',
      iso: '2026-03-29T00:30:00+00:00',
      date: '2026-03-29',
      time: '00:30:00',
      weekday: 'Sunday',
      readable: 'Sunday, March 29, 2026 at 12:30:00 AM UTC',
      utcOffset: '+00:00',
      unix: 1_774_744_200,
    });
  });

  it('converts to the wall clock of an IANA zone, including odd offsets and the date line', async () => {
    expect(await run({ timezone: 'Europe/Berlin' })).toMatchObject({ iso: '2026-03-29T01:30:00+01:00', utcOffset: '+01:00' });
    expect(await run({ timezone: 'Asia/Kolkata' })).toMatchObject({ iso: '2026-03-29T06:00:00+05:30' });
    expect(await run({ timezone: 'America/St_Johns' })).toMatchObject({ iso: '2026-03-28T22:00:00-02:30', weekday: 'Saturday' });
    expect(await run({ timezone: 'Pacific/Kiritimati' })).toMatchObject({ date: '2026-03-29', time: '14:30:00', utcOffset: '+14:00' });
  });

  it('accepts any capitalisation and answers with the canonical name', async () => {
    expect(await run({ timezone: 'europe/berlin' })).toMatchObject({ timezone: 'Europe/Berlin' });
  });

  it('refuses an unknown zone with a sentence that shows what to use', async () => {
    const error = await run({ timezone: 'Mars/Olympus_Mons' }).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_failed');
    expect((error as AppError).message).toBe(
      '"Mars/Olympus_Mons" is not a time zone I know. Use an IANA name such as UTC, Europe/Berlin, America/New_York or Asia/Tokyo.',
    );
  });
});
