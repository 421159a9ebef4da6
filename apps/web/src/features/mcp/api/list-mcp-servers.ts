import { mcpServersResponseSchema, type McpServer } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { connectingPollMilliseconds, mcpQueryKeys, mcpServersPath } from './mcp-paths';

/** GET /api/admin/mcp-servers → `{ servers }` with their live status (env and header values masked). */
export async function listMcpServers(): Promise<McpServer[]> {
  const response = await apiClient.request(mcpServersPath, { schema: mcpServersResponseSchema });
  return response.servers;
}

export const mcpServersQueryOptions = () =>
  queryOptions({
    queryKey: mcpQueryKeys.servers,
    queryFn: listMcpServers,
    // A server connects in the background after a save: ask again until none is still connecting.
    refetchInterval: (query) => (query.state.data?.some((server) => server.status === 'connecting') ? connectingPollMilliseconds : false),
  });

export function useMcpServers() {
  return useQuery(mcpServersQueryOptions());
}
