import { randomUUID } from 'node:crypto';
import type { CreateScheduleBody, Schedule, UpdateScheduleBody } from '@claraverse/shared';
import { ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import type { AgentScheduleRow } from '../../platform/database/tables.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { AgentRunsService } from '../runs/agent-runs.service.js';
import type { AgentsRepository } from '../agents.repository.js';
import type { SchedulesRepository } from './schedules.repository.js';
import { createScheduleTicker, nextRunAt } from './schedule-ticker.js';

function present(row: AgentScheduleRow): Schedule {
  return {
    id: row.id, agentId: row.agent_id, cronExpression: row.cron_expression, timezone: row.timezone,
    inputTemplate: JSON.parse(row.input_template) as Record<string, unknown>, enabled: Number(row.enabled) === 1,
    nextRunAt: row.next_run_at, lastRunAt: row.last_run_at, totalRuns: row.total_runs, successfulRuns: row.successful_runs,
    failedRuns: row.failed_runs, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/**
 * Cron schedules of agents (reference §3.4): one per agent, 5-field cron in an IANA time zone, an input template,
 * run counts. `tick()` runs the due ones: a tick is claimed by inserting a lock row, so with several processes
 * on one database each tick runs once. The loop polls every `intervalMs` (croner computes the times).
 */
export function createSchedulesService(deps: {
  schedulesRepository: SchedulesRepository;
  agentsRepository: AgentsRepository;
  runs: AgentRunsService;
  logger: Logger;
  now: () => Date;
  /** Active schedules per user; -1 = unlimited (LIMITS_ENABLED=false). */
  maxActivePerUser: number;
}) {
  const { schedulesRepository: repository } = deps;

  const ownSchedule = async (userId: string, agentId: string): Promise<AgentScheduleRow> => {
    const row = await repository.findOfAgent(userId, agentId);
    if (!row) throw new NotFoundError('schedule of agent', agentId);
    return row;
  };
  const assertCanActivate = async (userId: string) => {
    if (deps.maxActivePerUser < 0) return;
    const { active } = await repository.countsOfUser(userId);
    if (active >= deps.maxActivePerUser) throw new ConflictError(`You already have ${deps.maxActivePerUser} active schedules; pause or delete one first`);
  };

  const ticker = createScheduleTicker({ schedulesRepository: repository, runs: deps.runs, logger: deps.logger, now: deps.now });

  return {
    async create(userId: string, agentId: string, body: CreateScheduleBody): Promise<Schedule> {
      if (!(await deps.agentsRepository.findOfUser(userId, agentId))) throw new NotFoundError('agent', agentId);
      if (await repository.findOfAgent(userId, agentId)) throw new ConflictError('This agent already has a schedule; change it instead');
      if (body.enabled) await assertCanActivate(userId);
      const now = deps.now();
      const next = nextRunAt(body.cronExpression, body.timezone, now);
      const row: AgentScheduleRow = {
        id: randomUUID(), agent_id: agentId, user_id: userId, cron_expression: body.cronExpression, timezone: body.timezone,
        input_template: JSON.stringify(body.inputTemplate), enabled: body.enabled ? 1 : 0, next_run_at: body.enabled ? next : null,
        last_run_at: null, total_runs: 0, successful_runs: 0, failed_runs: 0, created_at: now.toISOString(), updated_at: now.toISOString(),
      };
      await repository.insert(row);
      return present(row);
    },
    get: async (userId: string, agentId: string): Promise<Schedule> => present(await ownSchedule(userId, agentId)),
    async update(userId: string, agentId: string, body: UpdateScheduleBody): Promise<Schedule> {
      const row = await ownSchedule(userId, agentId);
      const enabled = body.enabled ?? Number(row.enabled) === 1;
      if (enabled && Number(row.enabled) !== 1) await assertCanActivate(userId);
      const now = deps.now();
      const updated: AgentScheduleRow = {
        ...row, cron_expression: body.cronExpression ?? row.cron_expression, timezone: body.timezone ?? row.timezone,
        input_template: body.inputTemplate ? JSON.stringify(body.inputTemplate) : row.input_template, enabled: enabled ? 1 : 0, updated_at: now.toISOString(),
      };
      updated.next_run_at = enabled ? nextRunAt(updated.cron_expression, updated.timezone, now) : null;
      const { id, agent_id: _agent, user_id: _user, created_at: _created, ...changes } = updated;
      await repository.update(id, changes);
      return present(updated);
    },
    async remove(userId: string, agentId: string): Promise<void> {
      await repository.delete((await ownSchedule(userId, agentId)).id);
    },
    /** Runs the schedule now (counted like a tick). */
    async runNow(userId: string, agentId: string): Promise<{ executionId: string }> {
      return { executionId: await ticker.runSchedule(await ownSchedule(userId, agentId)) };
    },
    async usage(userId: string) {
      const { active, paused } = await repository.countsOfUser(userId);
      const limit = deps.maxActivePerUser;
      return { active, paused, total: active + paused, limit, canCreate: limit < 0 || active < limit };
    },
    /** Runs the due schedules once; resolves with how many runs this process started. */
    tick: ticker.tick,
    /** Polls every `intervalMs` (timer unref'd). */
    start: ticker.start,
    /** Stops polling and waits for passes and run counts in progress. */
    stop: ticker.stop,
  };
}
export type SchedulesService = ReturnType<typeof createSchedulesService>;
