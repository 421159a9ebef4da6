import { userBridgeResponseSchema, type UserBridge } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { mcpQueryKeys } from './mcp-paths';

/** How often Settings → My bridge asks whether the bridge is (still) there, in milliseconds. */
const bridgePollMilliseconds = 5_000;

/** GET /api/user/bridge → whether the user's claraverse-bridge is connected, its last heartbeat and its tools. */
export async function getUserBridge(): Promise<UserBridge> {
  return apiClient.request('/api/user/bridge', { schema: userBridgeResponseSchema });
}

export const userBridgeQueryOptions = () =>
  queryOptions({
    queryKey: mcpQueryKeys.bridge,
    queryFn: getUserBridge,
    // The bridge connects and goes away outside the browser; nothing pushes that to the page.
    refetchInterval: bridgePollMilliseconds,
  });

export function useUserBridge() {
  return useQuery(userBridgeQueryOptions());
}
