import { sql, type Kysely } from 'kysely';
import type { AgentScheduleRow, Database } from '../../platform/database/tables.js';
import { isUniqueViolation } from '../../platform/database/timestamps.js';

/** SQL over `agent_schedules` and the tick lock rows of `schedule_ticks`. */
export function createSchedulesRepository(db: Kysely<Database>) {
  return {
    async insert(row: AgentScheduleRow): Promise<void> {
      await db.insertInto('agent_schedules').values(row).execute();
    },
    findOfAgent: (userId: string, agentId: string) =>
      db.selectFrom('agent_schedules').selectAll().where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst(),
    async update(id: string, changes: Partial<Omit<AgentScheduleRow, 'id' | 'agent_id' | 'user_id' | 'created_at'>>): Promise<void> {
      await db.updateTable('agent_schedules').set(changes).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('agent_schedules').where('id', '=', id).execute();
    },
    async countsOfUser(userId: string): Promise<{ active: number; paused: number }> {
      const rows = await db.selectFrom('agent_schedules').select((eb) => ['enabled', eb.fn.countAll<number | string>().as('count')]).where('user_id', '=', userId).groupBy('enabled').execute();
      const count = (enabled: number) => Number(rows.find((row) => Number(row.enabled) === enabled)?.count ?? 0);
      return { active: count(1), paused: count(0) };
    },
    /** Enabled schedules whose next run is due at `nowIso`. */
    listDue: (nowIso: string, limit: number) =>
      db.selectFrom('agent_schedules').selectAll().where('enabled', '=', 1).where('next_run_at', '<=', nowIso).orderBy('next_run_at').limit(limit).execute(),
    /** Claims one tick; false when another process (or an earlier pass) already did. */
    async claimTick(scheduleId: string, tickAt: string, claimedAt: string): Promise<boolean> {
      try {
        await db.insertInto('schedule_ticks').values({ schedule_id: scheduleId, tick_at: tickAt, claimed_at: claimedAt }).execute();
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async deleteTicksBefore(cutoffIso: string): Promise<void> {
      await db.deleteFrom('schedule_ticks').where('claimed_at', '<', cutoffIso).execute();
    },
    /** Counts a finished run. */
    async countRun(id: string, succeeded: boolean): Promise<void> {
      await db.updateTable('agent_schedules').set({
        total_runs: sql`total_runs + 1`,
        ...(succeeded ? { successful_runs: sql`successful_runs + 1` } : { failed_runs: sql`failed_runs + 1` }),
      }).where('id', '=', id).execute();
    },
  };
}
export type SchedulesRepository = ReturnType<typeof createSchedulesRepository>;
