import {
  createCredentialBodySchema, credentialReferencesResponseSchema, credentialResponseSchema, credentialsByIntegrationResponseSchema,
  credentialsResponseSchema, credentialTestResponseSchema, idParamsSchema, listCredentialsQuerySchema, updateCredentialBodySchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { CredentialsService } from './credentials.service.js';

/** `/api/credentials`: a user's credentials for integrations; values go in, never come out. */
export function credentialsRoutes(deps: { credentialsService: CredentialsService }): RouteSpec[] {
  const { credentialsService: service } = deps;
  const tags = ['credentials'];
  return [
    defineRoute({
      method: 'POST', url: '/api/credentials', summary: 'Add a credential (values checked against the integration, stored encrypted)', tags, auth: 'user',
      body: createCredentialBodySchema, responses: { 201: credentialResponseSchema },
      handler: async ({ user, body, request }) => ({ credential: await service.create(user.id, body, { ip: request.ip }) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/credentials', summary: 'My credentials (masked), optionally of one integration', tags, auth: 'user',
      query: listCredentialsQuerySchema, responses: { 200: credentialsResponseSchema },
      handler: async ({ user, query }) => ({ credentials: await service.list(user.id, query.type) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/credentials/by-integration', summary: 'My credentials grouped by integration', tags, auth: 'user',
      responses: { 200: credentialsByIntegrationResponseSchema },
      handler: async ({ user }) => ({ byIntegration: await service.byIntegration(user.id) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/credentials/references', summary: 'Id, name and integration of my credentials (block pickers)', tags, auth: 'user',
      query: listCredentialsQuerySchema, responses: { 200: credentialReferencesResponseSchema },
      handler: async ({ user, query }) => ({ references: await service.references(user.id, query.type) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/credentials/:id', summary: 'One of my credentials (masked)', tags, auth: 'user',
      params: idParamsSchema, responses: { 200: credentialResponseSchema },
      handler: async ({ user, params }) => ({ credential: await service.get(user.id, params.id) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/credentials/:id', summary: 'Rename a credential or change its values (secrets left empty are kept)', tags, auth: 'user',
      params: idParamsSchema, body: updateCredentialBodySchema, responses: { 200: credentialResponseSchema },
      handler: async ({ user, params, body, request }) => ({ credential: await service.update(user.id, params.id, body, { ip: request.ip }) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/credentials/:id', summary: 'Delete a credential', tags, auth: 'user',
      params: idParamsSchema, responses: { 204: null },
      handler: ({ user, params, request }) => service.remove(user.id, params.id, { ip: request.ip }),
    }),
    defineRoute({
      method: 'POST', url: '/api/credentials/:id/test', summary: 'Check a credential against the live service', tags, auth: 'user',
      // Each test is a request to another service on the user's behalf.
      rateLimitPerMinute: 30,
      params: idParamsSchema, responses: { 200: credentialTestResponseSchema },
      handler: ({ user, params, request }) => service.test(user.id, params.id, { ip: request.ip }),
    }),
  ];
}
