import { adminUserResponseSchema, idParamsSchema, listUsersQuerySchema, listUsersResponseSchema, updateUserBodySchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { UsersAdminService } from './users-admin.service.js';

/** `/api/admin/users*`: list, approve, change role or status. */
export function usersAdminRoutes(deps: { usersAdminService: UsersAdminService }): RouteSpec[] {
  const { usersAdminService } = deps;
  return [
    defineRoute({
      method: 'GET', url: '/api/admin/users', summary: 'List users (paged, search by email or name)', tags: ['admin'], auth: 'admin',
      query: listUsersQuerySchema,
      responses: { 200: listUsersResponseSchema },
      handler: ({ query }) => usersAdminService.list(query),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/users/:id/approve', summary: 'Approve a pending account', tags: ['admin'], auth: 'admin',
      params: idParamsSchema,
      responses: { 200: adminUserResponseSchema },
      handler: async ({ params, user, request }) => ({ user: await usersAdminService.approve({ userId: user.id, ip: request.ip }, params.id) }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/admin/users/:id', summary: "Change a user's role or status", tags: ['admin'], auth: 'admin',
      params: idParamsSchema, body: updateUserBodySchema,
      responses: { 200: adminUserResponseSchema },
      handler: async ({ params, body, user, request }) => ({ user: await usersAdminService.update({ userId: user.id, ip: request.ip }, params.id, body) }),
    }),
  ];
}
