import { createWebhookBodySchema, createWebhookResponseSchema, idParamsSchema, webhookResponseSchema, webhookSignatureHeader } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { WebhooksService } from './webhooks.service.js';

/** `/api/agents/:id/webhook`: manage the agent's inbound webhook. */
export function webhooksRoutes(deps: { webhooksService: WebhooksService }): RouteSpec[] {
  const { webhooksService: webhooks } = deps;
  const tags = ['webhooks'];
  return [
    defineRoute({
      method: 'POST', url: '/api/agents/:id/webhook', summary: 'Create or replace the agent’s inbound webhook (the secret is shown once)', tags, auth: 'user',
      params: idParamsSchema, body: createWebhookBodySchema, responses: { 201: createWebhookResponseSchema },
      handler: ({ user, params, body }) => webhooks.create(user.id, params.id, body.signed),
    }),
    defineRoute({
      method: 'GET', url: '/api/agents/:id/webhook', summary: 'The agent’s inbound webhook', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: webhookResponseSchema },
      handler: async ({ user, params }) => ({ webhook: await webhooks.get(user.id, params.id) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/agents/:id/webhook', summary: 'Delete the agent’s inbound webhook', tags, auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params }) => webhooks.remove(user.id, params.id),
    }),
  ];
}

/**
 * `POST /api/hooks/:hookId` (public; the unguessable id and the optional signature are the auth). Registered in
 * its own Fastify scope whose JSON parser keeps the raw bytes, because the signature covers them exactly.
 */
export function registerInboundWebhookRoute(app: FastifyInstance, deps: { webhooksService: WebhooksService }): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post<{ Params: { hookId: string } }>('/api/hooks/:hookId', async (request, reply) => {
      const signature = request.headers[webhookSignatureHeader];
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const accepted = await deps.webhooksService.receive(request.params.hookId, raw, typeof signature === 'string' ? signature : undefined);
      return reply.status(202).send(accepted);
    });
  });
}
