import { apiKeyResponseSchema, apiKeysResponseSchema, createApiKeyBodySchema, createApiKeyResponseSchema, idParamsSchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { ApiKeysService } from './api-keys.service.js';

/** `/api/keys`: a user's personal API keys. The key itself is shown once, at creation. */
export function apiKeysRoutes(deps: { apiKeysService: ApiKeysService }): RouteSpec[] {
  const { apiKeysService } = deps;
  return [
    defineRoute({
      method: 'POST', url: '/api/keys', summary: 'Create a personal API key (shown once)', tags: ['api-keys'], auth: 'user',
      body: createApiKeyBodySchema, responses: { 201: createApiKeyResponseSchema },
      handler: ({ user, body, request }) => apiKeysService.create(user.id, body, { ip: request.ip }),
    }),
    defineRoute({
      method: 'GET', url: '/api/keys', summary: 'List my API keys (never the keys themselves)', tags: ['api-keys'], auth: 'user',
      responses: { 200: apiKeysResponseSchema },
      handler: async ({ user }) => ({ keys: await apiKeysService.list(user.id) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/keys/:id/revoke', summary: 'Revoke an API key', tags: ['api-keys'], auth: 'user',
      params: idParamsSchema, responses: { 200: apiKeyResponseSchema },
      handler: async ({ user, params, request }) => ({ key: await apiKeysService.revoke(user.id, params.id, { ip: request.ip }) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/keys/:id', summary: 'Delete an API key', tags: ['api-keys'], auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params, request }) => apiKeysService.remove(user.id, params.id, { ip: request.ip }),
    }),
  ];
}
