import { mcpServerDetailResponseSchema, type McpServer, type McpServerTool } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { connectingPollMilliseconds, mcpQueryKeys, mcpServerPath } from './mcp-paths';

export interface McpServerDetail {
  server: McpServer;
  tools: McpServerTool[];
}

/** GET /api/admin/mcp-servers/:id → `{ server, tools }` (status, last error, recent errors, discovered tools). */
export async function getMcpServer(serverId: string): Promise<McpServerDetail> {
  return apiClient.request(mcpServerPath(serverId), { schema: mcpServerDetailResponseSchema });
}

export const mcpServerQueryOptions = (serverId: string) =>
  queryOptions({
    queryKey: mcpQueryKeys.server(serverId),
    queryFn: () => getMcpServer(serverId),
    refetchInterval: (query) => (query.state.data?.server.status === 'connecting' ? connectingPollMilliseconds : false),
  });

export function useMcpServer(serverId: string) {
  return useQuery(mcpServerQueryOptions(serverId));
}
