import { mcpServerResponseSchema, type CreateMcpServerBody, type McpServer, type UpdateMcpServerBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { mcpQueryKeys, mcpServerPath, mcpServersPath } from './mcp-paths';

/** `serverId` null creates (the body is then a full CreateMcpServerBody), otherwise updates. */
export interface SaveMcpServerVariables {
  serverId: string | null;
  body: CreateMcpServerBody | UpdateMcpServerBody;
}

/**
 * POST /api/admin/mcp-servers (201 `{ server }`) or PATCH /api/admin/mcp-servers/:id (200 `{ server }`). Either way
 * the server (re)connects in the background, so the answer usually says "connecting".
 */
export async function saveMcpServer(variables: SaveMcpServerVariables): Promise<McpServer> {
  const { serverId } = variables;
  const response = await apiClient.request(serverId === null ? mcpServersPath : mcpServerPath(serverId), {
    method: serverId === null ? 'POST' : 'PATCH',
    body: variables.body,
    schema: mcpServerResponseSchema,
  });
  return response.server;
}

export function useSaveMcpServer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMcpServer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mcpQueryKeys.servers }),
  });
}
