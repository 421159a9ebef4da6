import { integrationIdParamsSchema, integrationResponseSchema, integrationsResponseSchema } from '@claraverse/shared';
import { NotFoundError } from '../platform/errors/app-error.js';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { IntegrationDirectory } from './integration-directory.js';

/** `/api/integrations`: the catalogue of services a user can connect (read-only, the same for every user). */
export function integrationsRoutes(deps: { directory: IntegrationDirectory }): RouteSpec[] {
  const tags = ['integrations'];
  return [
    defineRoute({
      method: 'GET', url: '/api/integrations', summary: 'Every integration, by category', tags, auth: 'user',
      responses: { 200: integrationsResponseSchema },
      handler: async () => deps.directory.catalogue(),
    }),
    defineRoute({
      method: 'GET', url: '/api/integrations/:id', summary: 'One integration: fields, tools, docs', tags, auth: 'user',
      params: integrationIdParamsSchema, responses: { 200: integrationResponseSchema },
      handler: async ({ params }) => {
        const integration = deps.directory.find(params.id);
        if (!integration) throw new NotFoundError('integration', params.id);
        return { integration: deps.directory.present(integration) };
      },
    }),
  ];
}
