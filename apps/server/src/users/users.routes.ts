import {
  deleteAccountBodySchema,
  deleteAccountResponseSchema,
  updateProfileBodySchema,
  updateUserPreferencesBodySchema,
  userPreferencesResponseSchema,
  userResponseSchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { UsersService } from './users.service.js';

/** `/api/user/*`: the signed-in user's own profile, preferences and account. */
export function usersRoutes(deps: { usersService: UsersService }): RouteSpec[] {
  const { usersService } = deps;
  return [
    defineRoute({
      method: 'GET', url: '/api/user/preferences', summary: 'Read my preferences', tags: ['user'], auth: 'user',
      responses: { 200: userPreferencesResponseSchema },
      handler: async ({ user }) => ({ preferences: await usersService.getPreferences(user.id) }),
    }),
    defineRoute({
      method: 'PUT', url: '/api/user/preferences', summary: 'Change my preferences (partial)', tags: ['user'], auth: 'user',
      body: updateUserPreferencesBodySchema,
      responses: { 200: userPreferencesResponseSchema },
      handler: async ({ user, body }) => ({ preferences: await usersService.updatePreferences(user.id, body) }),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/user/profile', summary: 'Change my display name', tags: ['user'], auth: 'user',
      body: updateProfileBodySchema,
      responses: { 200: userResponseSchema },
      handler: async ({ user, body }) => ({ user: await usersService.updateProfile(user.id, body) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/user/account', summary: 'Delete my account and its data', tags: ['user'], auth: 'user',
      body: deleteAccountBodySchema,
      responses: { 200: deleteAccountResponseSchema },
      handler: ({ user, body, request }) => usersService.deleteAccount(user.id, body, { ip: request.ip }),
    }),
  ];
}
