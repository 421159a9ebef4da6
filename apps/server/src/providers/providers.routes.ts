import {
  createProviderBodySchema,
  idParamsSchema,
  modelsAdminResponseSchema,
  providerResponseSchema,
  providersResponseSchema,
  publicProvidersResponseSchema,
  updateProviderBodySchema,
  userModelsResponseSchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { ModelsService } from './models.service.js';
import type { ProvidersService } from './providers.service.js';

/** Signed-in users: the model picker, the instance's providers, and their own (bring-your-own-key) providers. */
export function providersRoutes(deps: { providersService: ProvidersService; modelsService: ModelsService }): RouteSpec[] {
  const { providersService, modelsService } = deps;
  const tags = ['providers'];
  return [
    defineRoute({
      method: 'GET', url: '/api/models', summary: 'The models I can chat with', tags, auth: 'user',
      responses: { 200: userModelsResponseSchema },
      handler: async ({ user }) => ({ models: await modelsService.listUserModels(user.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/providers', summary: 'The instance’s enabled providers (no secrets)', tags, auth: 'user',
      responses: { 200: publicProvidersResponseSchema },
      handler: async () => ({ providers: await providersService.listPublicProviders() }),
    }),
    defineRoute({
      method: 'GET', url: '/api/user/providers', summary: 'List my own providers', tags, auth: 'user',
      responses: { 200: providersResponseSchema },
      handler: async ({ user }) => ({ providers: await providersService.listProviders(user.id) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/user/providers', summary: 'Add a provider with my own key', tags, auth: 'user',
      body: createProviderBodySchema,
      responses: { 201: providerResponseSchema },
      handler: async ({ user, body, request }) => ({ provider: await providersService.createProvider(user.id, body, { userId: user.id, ip: request.ip }) }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/user/providers/:id', summary: 'Change one of my providers', tags, auth: 'user',
      params: idParamsSchema, body: updateProviderBodySchema,
      responses: { 200: providerResponseSchema },
      handler: async ({ user, params, body, request }) => ({
        provider: await providersService.updateProvider(user.id, params.id, body, { userId: user.id, ip: request.ip }),
      }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/user/providers/:id', summary: 'Delete one of my providers and its models', tags, auth: 'user',
      params: idParamsSchema,
      responses: { 204: null },
      handler: async ({ user, params, request }) => providersService.deleteProvider(user.id, params.id, { userId: user.id, ip: request.ip }),
    }),
    defineRoute({
      method: 'POST', url: '/api/user/providers/:id/fetch-models', summary: 'Fetch the models of one of my providers', tags, auth: 'user',
      params: idParamsSchema,
      responses: { 200: modelsAdminResponseSchema },
      handler: async ({ user, params }) => ({ models: await providersService.fetchModels(user.id, params.id) }),
    }),
  ];
}
