import { useId } from 'react';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { TextField } from '../../../components/ui/text-field';
import { classNames } from '../../../lib/class-names';
import { cronExpressionProblem, cronKinds, minuteIntervals, switchKind, weekdayNames, type CronKind, type CronSchedule } from './cron-builder';

const twoDigits = (value: number) => String(value).padStart(2, '0');

function TimeField({ hour, minute, onChange }: { hour: number; minute: number; onChange: (time: { hour: number; minute: number }) => void }) {
  return (
    <Field label="At">
      {(controlProps) => (
        <Input
          {...controlProps}
          type="time"
          value={`${twoDigits(hour)}:${twoDigits(minute)}`}
          onChange={(event) => {
            const match = /^(\d{2}):(\d{2})/.exec(event.target.value);
            if (match) onChange({ hour: Number(match[1]), minute: Number(match[2]) });
          }}
        />
      )}
    </Field>
  );
}

function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (value: number) => void }) {
  return (
    <Field label={label}>
      {(controlProps) => (
        <Input
          {...controlProps}
          type="number"
          min={min}
          max={max}
          value={value}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (Number.isInteger(next) && next >= min && next <= max) onChange(next);
          }}
        />
      )}
    </Field>
  );
}

/** Mon … Sun toggle buttons (Monday first, as people read a week; cron's Sunday is 0). */
function WeekdayPicker({ days, onChange }: { days: readonly number[]; onChange: (days: number[]) => void }) {
  const labelId = useId();
  const order = [1, 2, 3, 4, 5, 6, 0];
  return (
    <div className="flex flex-col gap-1.5">
      <span id={labelId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        On
      </span>
      <div role="group" aria-labelledby={labelId} className="flex gap-1">
        {order.map((day) => {
          const isOn = days.includes(day);
          return (
            <button
              key={day}
              type="button"
              aria-pressed={isOn}
              aria-label={weekdayNames[day]}
              onClick={() => onChange(isOn ? days.filter((item) => item !== day) : [...days, day])}
              className={classNames(
                'h-8 flex-1 rounded-md border text-xs font-medium',
                isOn
                  ? 'border-violet-600 bg-violet-600 text-white dark:border-violet-500 dark:bg-violet-600'
                  : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800',
              )}
            >
              {weekdayNames[day]?.slice(0, 2)}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The visual cron builder: how often (every N minutes, hourly, daily, weekly on days, monthly on a day, or a
 * custom 5-field expression) and the fields of that choice. Controlled: `schedule` in, a new one out.
 */
export function CronBuilderFields({ schedule, onChange }: { schedule: CronSchedule; onChange: (schedule: CronSchedule) => void }) {
  return (
    <div className="flex flex-col gap-3">
      <Field label="Repeat">
        {(controlProps) => <Select {...controlProps} options={cronKinds} value={schedule.kind} onChange={(event) => onChange(switchKind(schedule, event.target.value as CronKind))} />}
      </Field>
      {schedule.kind === 'minutes' ? (
        <Field label="Every">
          {(controlProps) => (
            <Select
              {...controlProps}
              options={minuteIntervals.map((every) => ({ value: String(every), label: every === 1 ? '1 minute' : `${every} minutes` }))}
              value={String(schedule.every)}
              onChange={(event) => onChange({ kind: 'minutes', every: Number(event.target.value) })}
            />
          )}
        </Field>
      ) : null}
      {schedule.kind === 'hourly' ? <NumberField label="At minute" value={schedule.minute} min={0} max={59} onChange={(minute) => onChange({ ...schedule, minute })} /> : null}
      {schedule.kind === 'weekly' ? <WeekdayPicker days={schedule.days} onChange={(days) => onChange({ ...schedule, days })} /> : null}
      {schedule.kind === 'monthly' ? <NumberField label="On day of the month" value={schedule.day} min={1} max={31} onChange={(day) => onChange({ ...schedule, day })} /> : null}
      {schedule.kind === 'daily' || schedule.kind === 'weekly' || schedule.kind === 'monthly' ? (
        <TimeField hour={schedule.hour} minute={schedule.minute} onChange={(time) => onChange({ ...schedule, ...time })} />
      ) : null}
      {schedule.kind === 'custom' ? (
        <TextField
          label="Cron expression"
          className="font-mono"
          value={schedule.expression}
          onValueChange={(expression) => onChange({ kind: 'custom', expression })}
          hint="5 fields: minute hour day-of-month month day-of-week, e.g. 30 9 * * 1-5"
          error={cronExpressionProblem(schedule.expression)}
        />
      ) : null}
    </div>
  );
}
