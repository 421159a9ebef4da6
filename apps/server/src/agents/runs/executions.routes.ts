import { executionRecordSchema, executionsPageSchema, executionStatsSchema, idParamsSchema, listExecutionsQuerySchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { ExecutionsService } from './executions.service.js';

/** Execution history (reference §1.5): per agent, all of the user's, one record, stats. */
export function executionsRoutes(deps: { executionsService: ExecutionsService }): RouteSpec[] {
  const { executionsService: executions } = deps;
  const tags = ['executions'];
  return [
    defineRoute({
      method: 'GET', url: '/api/agents/:id/executions', summary: 'The agent’s execution history', tags, auth: 'user',
      params: idParamsSchema, query: listExecutionsQuerySchema, responses: { 200: executionsPageSchema },
      handler: ({ user, params, query }) => executions.listOfAgent(user.id, params.id, query),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/executions/stats', summary: 'Counts and average durations by status', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: executionStatsSchema },
      handler: ({ user, params }) => executions.stats(user.id, params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/executions', summary: 'All my executions', tags, auth: 'user',
      query: listExecutionsQuerySchema, responses: { 200: executionsPageSchema },
      handler: ({ user, query }) => executions.list(user.id, query),
    }),
    defineRoute({
      method: 'GET', url: '/api/executions/:id', summary: 'One execution with its blocks', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: executionRecordSchema },
      handler: ({ user, params }) => executions.get(user.id, params.id),
    }),
  ];
}
