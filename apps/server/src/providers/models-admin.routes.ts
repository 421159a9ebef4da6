import {
  bulkModelVisibilityBodySchema,
  createModelAliasBodySchema,
  idParamsSchema,
  modelAliasesResponseSchema,
  modelResponseSchema,
  modelsAdminResponseSchema,
  modelTestResultSchema,
  updateModelBodySchema,
} from '@claraverse/shared';
import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { ModelsService } from './models.service.js';

// Not in the shared contracts yet (see the providers report): the list filter and the alias route parameters.
export const adminModelsQuerySchema = z.strictObject({ providerId: z.string().min(1).max(64).optional() });
export const modelAliasParamsSchema = z.strictObject({ id: z.string().min(1).max(64), alias: z.string().min(1).max(200) });

/** Admin: models of the instance providers, their aliases and tests. */
export function modelsAdminRoutes(deps: { modelsService: ModelsService; testModel: (modelId: string) => Promise<z.infer<typeof modelTestResultSchema>> }): RouteSpec[] {
  const { modelsService } = deps;
  const tags = ['admin', 'models'];
  return [
    defineRoute({
      method: 'GET', url: '/api/admin/models', summary: 'List the instance models (optionally of one provider)', tags, auth: 'admin',
      query: adminModelsQuerySchema,
      responses: { 200: modelsAdminResponseSchema },
      handler: async ({ query }) => ({ models: await modelsService.listModels(query.providerId) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/admin/models/bulk/visibility', summary: 'Show or hide many models; returns the updated models', tags, auth: 'admin',
      body: bulkModelVisibilityBodySchema,
      responses: { 200: modelsAdminResponseSchema },
      handler: async ({ body }) => ({ models: await modelsService.setVisibility(body.modelIds, body.isVisible) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/admin/models/:id', summary: 'Read a model', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: modelResponseSchema },
      handler: async ({ params }) => ({ model: await modelsService.getModel(params.id) }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/admin/models/:id', summary: 'Change a model (display name, capabilities, visibility, tier …)', tags, auth: 'admin',
      params: idParamsSchema, body: updateModelBodySchema,
      responses: { 200: modelResponseSchema },
      handler: async ({ params, body }) => ({ model: await modelsService.updateModel(params.id, body) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/admin/models/:id', summary: 'Delete a model and its aliases', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 204: null },
      handler: async ({ params }) => modelsService.deleteModel(params.id),
    }),
    defineRoute({
      method: 'GET', url: '/api/admin/models/:id/aliases', summary: 'List the aliases of a model', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: modelAliasesResponseSchema },
      handler: async ({ params }) => ({ aliases: await modelsService.listAliases(params.id) }),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/models/:id/aliases', summary: 'Add an alias; returns the model’s aliases', tags, auth: 'admin',
      params: idParamsSchema, body: createModelAliasBodySchema,
      responses: { 201: modelAliasesResponseSchema },
      handler: async ({ params, body }) => ({ aliases: await modelsService.createAlias(params.id, body) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/admin/models/:id/aliases/:alias', summary: 'Remove an alias', tags, auth: 'admin',
      params: modelAliasParamsSchema,
      responses: { 204: null },
      handler: async ({ params }) => modelsService.deleteAlias(params.id, params.alias),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/models/:id/test', summary: 'Test a model: latency, tokens/s, tools, structured output', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: modelTestResultSchema },
      handler: ({ params }) => deps.testModel(params.id),
    }),
  ];
}
