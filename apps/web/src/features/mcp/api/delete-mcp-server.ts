import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { mcpQueryKeys, mcpServerPath } from './mcp-paths';

/** DELETE /api/admin/mcp-servers/:id (204); the server's process is stopped and its tools leave every registry. */
export async function deleteMcpServer(serverId: string): Promise<void> {
  await apiClient.request(mcpServerPath(serverId), { method: 'DELETE' });
}

export function useDeleteMcpServer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMcpServer,
    // Only the list: the detail page of the deleted server is still mounted until it navigates away, and
    // refetching it would flash a "not found".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mcpQueryKeys.servers, exact: true }),
  });
}
