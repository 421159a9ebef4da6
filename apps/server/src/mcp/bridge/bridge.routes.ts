import { userBridgeResponseSchema } from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../../platform/http/define-route.js';
import type { BridgeSessions } from './bridge-sessions.js';

/** Settings → My bridge: whether the user's bridge is connected, its tools and last heartbeat. */
export function bridgeRoutes(deps: { bridgeSessions: BridgeSessions }): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET', url: '/api/user/bridge', summary: 'The state of your claraverse-bridge', tags: ['mcp'], auth: 'user',
      responses: { 200: userBridgeResponseSchema },
      handler: async ({ user }) => deps.bridgeSessions.statusOf(user.id),
    }),
  ];
}
