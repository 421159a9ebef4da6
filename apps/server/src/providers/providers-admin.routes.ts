import {
  createProviderBodySchema,
  idParamsSchema,
  modelsAdminResponseSchema,
  providerResponseSchema,
  providersResponseSchema,
  updateProviderBodySchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { ProvidersService } from './providers.service.js';

/** Admin: the instance's providers (keys stored encrypted, never returned). */
export function providersAdminRoutes(deps: { providersService: ProvidersService }): RouteSpec[] {
  const { providersService } = deps;
  const tags = ['admin', 'providers'];
  return [
    defineRoute({
      method: 'GET', url: '/api/admin/providers', summary: 'List the instance providers', tags, auth: 'admin',
      responses: { 200: providersResponseSchema },
      handler: async () => ({ providers: await providersService.listProviders(null) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/providers', summary: 'Add an instance provider', tags, auth: 'admin',
      body: createProviderBodySchema,
      responses: { 201: providerResponseSchema },
      handler: async ({ body, user, request }) => ({ provider: await providersService.createProvider(null, body, { userId: user.id, ip: request.ip }) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/admin/providers/:id', summary: 'Read an instance provider', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: providerResponseSchema },
      handler: async ({ params }) => ({ provider: await providersService.getProvider(null, params.id) }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/admin/providers/:id', summary: 'Change an instance provider (apiKey null removes the key)', tags, auth: 'admin',
      params: idParamsSchema, body: updateProviderBodySchema,
      responses: { 200: providerResponseSchema },
      handler: async ({ params, body, user, request }) => ({
        provider: await providersService.updateProvider(null, params.id, body, { userId: user.id, ip: request.ip }),
      }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/admin/providers/:id', summary: 'Delete an instance provider and its models', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 204: null },
      handler: async ({ params, user, request }) => providersService.deleteProvider(null, params.id, { userId: user.id, ip: request.ip }),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/providers/:id/fetch-models', summary: 'Fetch the provider’s models and apply its filters', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: modelsAdminResponseSchema },
      handler: async ({ params }) => ({ models: await providersService.fetchModels(null, params.id) }),
    }),
  ];
}
