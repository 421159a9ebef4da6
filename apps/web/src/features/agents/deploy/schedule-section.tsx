import type { Agent, Schedule } from '@claraverse/shared';
import { Play, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Field } from '../../../components/ui/field';
import { Select } from '../../../components/ui/select';
import { LoadingState } from '../../../components/ui/spinner';
import { Textarea } from '../../../components/ui/textarea';
import { describeError } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { useDeleteAgentSchedule } from '../api/delete-agent-schedule';
import { useAgentSchedule } from '../api/get-agent-schedule';
import { useScheduleUsage, type ScheduleUsage } from '../api/get-schedule-usage';
import { useRunScheduleNow } from '../api/run-schedule-now';
import { useSaveAgentSchedule } from '../api/save-agent-schedule';
import {
  browserTimezone,
  cronExpressionProblem,
  describeCronSchedule,
  formatRunTime,
  fromCronExpression,
  nextRunTimes,
  timezoneOptions,
  toCronExpression,
  type CronSchedule,
} from './cron-builder';
import { CronBuilderFields } from './cron-builder-fields';
import { DeploySection, describeDeployError } from './deploy-ui';

interface ScheduleDraft {
  schedule: CronSchedule;
  timezone: string;
  inputTemplate: string;
  enabled: boolean;
}

function draftOf(schedule: Schedule | null): ScheduleDraft {
  if (schedule === null) return { schedule: { kind: 'daily', hour: 9, minute: 0 }, timezone: browserTimezone(), inputTemplate: '{}', enabled: true };
  return { schedule: fromCronExpression(schedule.cronExpression), timezone: schedule.timezone, inputTemplate: JSON.stringify(schedule.inputTemplate, null, 2), enabled: schedule.enabled };
}

/** The input template as an object, or the sentence saying why it is not one. */
function parseTemplate(text: string): { value: Record<string, unknown> } | { problem: string } {
  if (text.trim() === '') return { value: {} };
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'The input template must be a JSON object, e.g. {"topic": "news"}.' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    return { problem: `The input template is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function usageText(usage: ScheduleUsage): string {
  const limit = usage.limit < 0 ? 'no limit' : `limit ${usage.limit}`;
  return `${usage.active} active, ${usage.paused} paused (${limit})`;
}

/** The Schedule section: loads the agent's schedule (if any) and edits it in a form keyed by it. */
export function ScheduleSection({ agent }: { agent: Agent }) {
  const scheduleQuery = useAgentSchedule(agent.id);
  const usageQuery = useScheduleUsage();
  return (
    <DeploySection id="schedule" title="Schedule" intro="Run this agent on a timetable, with a fixed input.">
      {scheduleQuery.isPending ? (
        <LoadingState label="Loading the schedule…" />
      ) : scheduleQuery.isError ? (
        <Alert tone="error" title="The schedule could not be loaded">
          {describeError(scheduleQuery.error)}
        </Alert>
      ) : (
        <ScheduleForm agentId={agent.id} schedule={scheduleQuery.data} usage={usageQuery.data} />
      )}
    </DeploySection>
  );
}

function ScheduleForm({ agentId, schedule, usage }: { agentId: string; schedule: Schedule | null; usage: ScheduleUsage | undefined }) {
  const [draft, setDraft] = useState(() => draftOf(schedule));
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const save = useSaveAgentSchedule(agentId);
  const remove = useDeleteAgentSchedule(agentId);
  const runNow = useRunScheduleNow(agentId);
  const expression = toCronExpression(draft.schedule);
  const problem = cronExpressionProblem(expression);
  const template = parseTemplate(draft.inputTemplate);
  const runs = useMemo(() => (problem === undefined ? nextRunTimes(expression, draft.timezone, 5) : []), [expression, draft.timezone, problem]);
  const zones = useMemo(() => timezoneOptions(draft.timezone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), [draft.timezone]);
  const update = (patch: Partial<ScheduleDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async () => {
    setMessage(undefined);
    if (problem !== undefined || 'problem' in template) return;
    try {
      await save.mutateAsync({ exists: schedule !== null, body: { cronExpression: expression, timezone: draft.timezone, inputTemplate: template.value, enabled: draft.enabled } });
      setMessage({ tone: 'success', text: schedule === null ? 'Schedule created.' : 'Schedule saved.' });
    } catch (error) {
      setMessage({ tone: 'error', text: describeDeployError(error) });
    }
  };
  const act = async (action: () => Promise<unknown>, done: string) => {
    setMessage(undefined);
    try {
      await action();
      setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: describeDeployError(error) });
    }
  };

  return (
    <form className="flex flex-col gap-3" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      {schedule ? <ScheduleStatus schedule={schedule} /> : null}
      <CronBuilderFields schedule={draft.schedule} onChange={(next) => update({ schedule: next })} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {problem === undefined ? describeCronSchedule(draft.schedule) : 'Not a valid schedule yet'} ·{' '}
        <code aria-label="Cron expression" className="whitespace-nowrap rounded bg-zinc-100 px-1 py-0.5 font-mono text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {expression || '—'}
        </code>
      </p>
      <Field label="Time zone">{(controlProps) => <Select {...controlProps} options={zones} value={draft.timezone} onChange={(event) => update({ timezone: event.target.value })} />}</Field>
      <NextRuns runs={runs} timezone={draft.timezone} />
      <Field label="Input template (JSON)" hint="The run input each time the schedule fires." error={'problem' in template ? template.problem : undefined}>
        {(controlProps) => <Textarea {...controlProps} isCode rows={3} value={draft.inputTemplate} onChange={(event) => update({ inputTemplate: event.target.value })} />}
      </Field>
      <Checkbox label="Enabled" description="Paused schedules keep their settings but do not run." isChecked={draft.enabled} onChange={(enabled) => update({ enabled })} />
      {usage ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Your schedules: {usageText(usage)}</p> : null}
      {usage && !usage.canCreate && schedule === null && draft.enabled ? (
        <Alert tone="info">You have reached your plan’s limit of active schedules. Pause or delete another one first, or create this one paused.</Alert>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="small" isLoading={save.isPending} disabled={problem !== undefined || 'problem' in template}>
          {schedule === null ? 'Create schedule' : 'Save schedule'}
        </Button>
        {schedule ? (
          <>
            <Button size="small" variant="secondary" icon={<Play aria-hidden="true" className="size-3.5" />} isLoading={runNow.isPending} onClick={() => void act(() => runNow.mutateAsync(), 'Started a run now with the input template.')}>
              Run now
            </Button>
            <Button size="small" variant="ghost" icon={<Trash2 aria-hidden="true" className="size-3.5" />} isLoading={remove.isPending} onClick={() => void act(() => remove.mutateAsync(), 'Schedule deleted.')}>
              Delete schedule
            </Button>
          </>
        ) : null}
      </div>
    </form>
  );
}

function ScheduleStatus({ schedule }: { schedule: Schedule }) {
  return (
    <dl aria-label="Schedule status" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 rounded-lg bg-zinc-50 p-2.5 text-xs dark:bg-zinc-950/60">
      <dt className="text-zinc-500 dark:text-zinc-400">Status</dt>
      <dd>{schedule.enabled ? <Badge tone="success">Active</Badge> : <Badge tone="warning">Paused</Badge>}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Next run</dt>
      <dd className="text-zinc-800 dark:text-zinc-200">{schedule.nextRunAt && schedule.enabled ? `${formatRunTime(new Date(schedule.nextRunAt), schedule.timezone)} (${schedule.timezone})` : '—'}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Last run</dt>
      <dd className="text-zinc-800 dark:text-zinc-200">{schedule.lastRunAt ? formatDateTime(schedule.lastRunAt) : 'Never'}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Runs</dt>
      <dd className="text-zinc-800 dark:text-zinc-200">
        {schedule.totalRuns} total · {schedule.successfulRuns} succeeded · {schedule.failedRuns} failed
      </dd>
    </dl>
  );
}

function NextRuns({ runs, timezone }: { runs: readonly Date[]; timezone: string }) {
  return (
    <div>
      <h4 className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Next five runs</h4>
      {runs.length === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">None — fix the schedule above.</p>
      ) : (
        <ol aria-label="Next runs" className="mt-1 flex flex-col gap-0.5 text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
          {runs.map((run) => (
            <li key={run.getTime()}>{formatRunTime(run, timezone)}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
