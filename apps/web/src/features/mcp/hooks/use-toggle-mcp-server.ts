import type { McpServer } from '@claraverse/shared';
import { showToast } from '../../../components/ui/toast';
import { useSaveMcpServer } from '../api/save-mcp-server';
import { describeMcpError } from '../lib/describe-mcp-error';

/** Enables or disables a server (PATCH `{ enabled }`), with a toast either way. */
export function useToggleMcpServer(server: McpServer) {
  const saveMutation = useSaveMcpServer();
  const toggle = () => {
    const enabled = !server.enabled;
    saveMutation.mutate(
      { serverId: server.id, body: { enabled } },
      {
        onSuccess: () => showToast(enabled ? `${server.name} enabled; connecting…` : `${server.name} disabled.`),
        onError: (error) => showToast(describeMcpError(error), 'error'),
      },
    );
  };
  return { toggle, isPending: saveMutation.isPending };
}
