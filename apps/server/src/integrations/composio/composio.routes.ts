import {
  composioAuthorizeResponseSchema, composioCallbackQuerySchema, composioCompleteSetupBodySchema, composioCompleteSetupResponseSchema,
  composioConnectedAccountQuerySchema, composioConnectedAccountResponseSchema, type ComposioIntegrationId,
} from '@claraverse/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { ComposioService } from './composio.service.js';

/** The server's own origin as this request reached it (`X-Forwarded-*` honoured only with TRUST_PROXY). */
function serverOriginOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Aborted when the browser goes away, so a slow Composio call does not outlive its request. */
function signalOf(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  request.raw.once('aborted', () => controller.abort());
  return controller.signal;
}

function authorizeRoute(composioService: ComposioService, path: string, integration: ComposioIntegrationId): RouteSpec {
  return defineRoute({
    method: 'GET', url: `/api/integrations/composio/${path}/authorize`, summary: `Start connecting ${path} through Composio (OAuth link with a CSRF state)`,
    tags: ['integrations'], auth: 'user', responses: { 200: composioAuthorizeResponseSchema },
    handler: ({ user, request, reply }) =>
      composioService.authorize(user.id, integration, { serverOrigin: serverOriginOf(request), browserOrigin: request.headers.origin }, signalOf(request, reply)),
  });
}

/** `/api/integrations/composio/*`: connecting Gmail and Google Sheets through Composio's hosted OAuth. */
export function composioRoutes(deps: { composioService: ComposioService }): RouteSpec[] {
  const { composioService } = deps;
  return [
    authorizeRoute(composioService, 'gmail', 'composio_gmail'),
    authorizeRoute(composioService, 'googlesheets', 'composio_googlesheets'),
    defineRoute({
      method: 'GET', url: '/api/integrations/composio/callback', summary: 'Return from Composio: checks the state, redirects to the settings page',
      tags: ['integrations'], auth: 'public', query: composioCallbackQuerySchema, responses: { 302: null }, rateLimitPerMinute: 30,
      handler: async ({ query, request, reply }) => {
        const target = await composioService.callback(query, serverOriginOf(request));
        return reply.redirect(target, 302);
      },
    }),
    defineRoute({
      method: 'GET', url: '/api/integrations/composio/connected-account', summary: 'Whether my Gmail / Google Sheets is connected at Composio',
      tags: ['integrations'], auth: 'user', query: composioConnectedAccountQuerySchema, responses: { 200: composioConnectedAccountResponseSchema },
      handler: ({ user, query, request, reply }) => composioService.connectedAccount(user.id, query.integration, signalOf(request, reply)),
    }),
    defineRoute({
      method: 'POST', url: '/api/integrations/composio/complete-setup', summary: 'Store the credential of a connection made through Composio',
      tags: ['integrations'], auth: 'user', body: composioCompleteSetupBodySchema, responses: { 201: composioCompleteSetupResponseSchema },
      handler: ({ user, body, request, reply }) => composioService.completeSetup(user.id, body, signalOf(request, reply)),
    }),
  ];
}
