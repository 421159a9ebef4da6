import { Cron } from 'croner';
import type { AgentScheduleRow } from '../../platform/database/tables.js';
import { ValidationError } from '../../platform/errors/app-error.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import type { SchedulesRepository } from './schedules.repository.js';

/** The next run after `after` in the schedule's time zone (croner), as ISO text. @throws ValidationError */
export function nextRunAt(cronExpression: string, timezone: string, after: Date): string | null {
  try {
    return new Cron(cronExpression, { timezone, paused: true }).nextRun(after)?.toISOString() ?? null;
  } catch (error) {
    throw new ValidationError(`The schedule is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The schedule loop: every `intervalMs` it looks for due schedules, claims each due tick by inserting a lock row
 * (so with several processes on one database a tick runs once), moves the schedule to its next time and starts
 * the run; when the run ends it is counted.
 */
export function createScheduleTicker(deps: { schedulesRepository: SchedulesRepository; runs: AgentRunsService; logger: Logger; now: () => Date }) {
  const { schedulesRepository: repository } = deps;
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;

  function runSchedule(row: AgentScheduleRow): Promise<string> {
    const input = JSON.parse(row.input_template) as unknown;
    return deps.runs.start(row.user_id, row.agent_id, input, { trigger: 'schedule' }).then((run) => {
      const counted = run.done.then((record) => repository.countRun(row.id, record.status === 'completed' || record.status === 'partial'));
      inFlight.add(counted);
      void counted.catch((error: unknown) => deps.logger.error({ err: error, scheduleId: row.id }, 'schedule run could not be counted')).finally(() => inFlight.delete(counted));
      return run.executionId;
    });
  }

  async function tick(): Promise<number> {
    const now = deps.now();
    const nowIso = now.toISOString();
    let started = 0;
    for (const row of await repository.listDue(nowIso, 100)) {
      const tickAt = row.next_run_at ?? nowIso;
      if (!(await repository.claimTick(row.id, tickAt, nowIso))) continue;
      await repository.update(row.id, { next_run_at: nextRunAt(row.cron_expression, row.timezone, now), last_run_at: nowIso, updated_at: nowIso });
      try {
        await runSchedule(row);
        started += 1;
      } catch (error) {
        // The agent lost its workflow, or its input no longer fits: count the failure and go on.
        await repository.countRun(row.id, false);
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error), scheduleId: row.id }, 'scheduled run refused');
      }
    }
    await repository.deleteTicksBefore(new Date(now.getTime() - 86_400_000).toISOString());
    return started;
  }

  return {
    /** Starts a run of the schedule now (counted when it ends); resolves with the execution id. */
    runSchedule,
    tick,
    start(intervalMs: number): void {
      timer ??= setInterval(() => {
        const pass = tick().catch((error: unknown) => deps.logger.error({ err: error }, 'schedule tick failed'));
        inFlight.add(pass);
        void pass.finally(() => inFlight.delete(pass));
      }, intervalMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      timer = undefined;
      await Promise.all([...inFlight]);
    },
  };
}
