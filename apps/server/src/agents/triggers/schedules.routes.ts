import { createScheduleBodySchema, idParamsSchema, scheduleResponseSchema, scheduleRunResponseSchema, scheduleUsageSchema, updateScheduleBodySchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { SchedulesService } from './schedules.service.js';

/** `/api/agents/:id/schedule` and `/api/schedules/usage` (reference §1.5, §3.4). */
export function schedulesRoutes(deps: { schedulesService: SchedulesService }): RouteSpec[] {
  const { schedulesService: schedules } = deps;
  const tags = ['schedules'];
  return [
    defineRoute({
      method: 'POST', url: '/api/agents/:id/schedule', summary: 'Schedule the agent (one cron schedule per agent)', tags, auth: 'user',
      params: idParamsSchema, body: createScheduleBodySchema, responses: { 201: scheduleResponseSchema },
      handler: async ({ user, params, body }) => ({ schedule: await schedules.create(user.id, params.id, body) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/schedule', summary: 'The agent’s schedule', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: scheduleResponseSchema },
      handler: async ({ user, params }) => ({ schedule: await schedules.get(user.id, params.id) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/agents/:id/schedule', summary: 'Change or pause the schedule', tags, auth: 'user',
      params: idParamsSchema, body: updateScheduleBodySchema, responses: { 200: scheduleResponseSchema },
      handler: async ({ user, params, body }) => ({ schedule: await schedules.update(user.id, params.id, body) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/agents/:id/schedule', summary: 'Delete the schedule', tags, auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => schedules.remove(user.id, params.id),
    }),
    defineRoute({
      method: 'POST', url: '/api/agents/:id/schedule/run', summary: 'Run the scheduled agent now', tags, auth: 'user',
      params: idParamsSchema, responses: { 202: scheduleRunResponseSchema },
      handler: ({ user, params }) => schedules.runNow(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/schedules/usage', summary: 'Active and paused schedules against the limit', tags, auth: 'user',
      responses: { 200: scheduleUsageSchema },
      handler: ({ user }) => schedules.usage(user.id),
    }),
  ];
}
