import { instanceSettingsResponseSchema, updateInstanceSettingsBodySchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { SettingsService } from './settings.service.js';

/** Admin: instance settings (registration mode, instance name). */
export function settingsAdminRoutes(deps: { settingsService: SettingsService }): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/settings',
      summary: 'Read the instance settings',
      tags: ['admin'],
      auth: 'admin',
      responses: { 200: instanceSettingsResponseSchema },
      handler: async () => ({ settings: await deps.settingsService.getInstanceSettings() }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/admin/settings',
      summary: 'Change instance settings (partial)',
      tags: ['admin'],
      auth: 'admin',
      body: updateInstanceSettingsBodySchema,
      responses: { 200: instanceSettingsResponseSchema },
      handler: async ({ body, user, request }) => ({
        settings: await deps.settingsService.updateInstanceSettings(body, { userId: user.id, ip: request.ip }),
      }),
    }),
  ];
}
