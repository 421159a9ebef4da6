import { agentIdParamsSchema, executionIdParamsSchema, executionRecordSchema, triggerAcceptedSchema, triggerBodySchema, triggerQuerySchema } from '@claraverse/shared';
import { presentedApiKey } from '../../api-keys/api-key-authenticator.js';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { TriggerService } from './trigger.service.js';

/**
 * `/api/trigger` (reference §1.9): run an agent with a personal API key (`X-API-Key: clv_…` or `Authorization:
 * Bearer clv_…`). The key is checked by the service (its scope depends on the agent), so the routes are `public` to
 * the router; browsers on any origin may call them (CORS `*`, no cookies).
 */
export function triggerRoutes(deps: { triggerService: TriggerService }): RouteSpec[] {
  const tags = ['triggers'];
  return [
    defineRoute({
      method: 'POST', url: '/api/trigger/:agentId', summary: 'Run an agent (202; with ?wait=true, 200 with the record when it ends)', tags, auth: 'public', corsAnyOrigin: true,
      params: agentIdParamsSchema, query: triggerQuerySchema, body: triggerBodySchema, responses: { 202: triggerAcceptedSchema, 200: executionRecordSchema },
      handler: async ({ params, query, body, request, reply }) => {
        const outcome = await deps.triggerService.trigger(presentedApiKey(request), params.agentId, body.input, query.wait === 'true');
        // Set both ways: integer keys of `responses` are ordered, so the router's default status is 200.
        reply.status(outcome.kind === 'finished' ? 200 : 202);
        return outcome.body;
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/trigger/status/:executionId', summary: 'An execution record (scope read:executions)', tags, auth: 'public', corsAnyOrigin: true,
      params: executionIdParamsSchema, responses: { 200: executionRecordSchema },
      handler: ({ params, request }) => deps.triggerService.status(presentedApiKey(request), params.executionId),
    }),
  ];
}
