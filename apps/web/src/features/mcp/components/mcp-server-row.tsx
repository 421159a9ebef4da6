import type { McpServer } from '@claraverse/shared';
import { ChevronRight, Pencil, Power, PowerOff, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useToggleMcpServer } from '../hooks/use-toggle-mcp-server';
import { DeleteMcpServerDialog } from './delete-mcp-server-dialog';
import { McpStatusBadge } from './mcp-status-badge';
import { describeAllowedRoles, describeMcpServerTarget, mcpServerPagePath } from './mcp-server-target';

interface McpServerRowProps {
  server: McpServer;
  onEdit: () => void;
}

/** One MCP server in the admin list: status, tool count, what it runs, and its actions. */
export function McpServerRow({ server, onEdit }: McpServerRowProps) {
  const { toggle, isPending } = useToggleMcpServer(server);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  return (
    <li data-testid="mcp-server-row" className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900 dark:text-zinc-50">
          <Link to={mcpServerPagePath(server.id)} className="hover:underline">
            {server.name}
          </Link>
          <McpStatusBadge status={server.status} />
          <Badge>{server.transport}</Badge>
          {server.allowedRoles ? <Badge tone="warning">{describeAllowedRoles(server.allowedRoles)} only</Badge> : null}
        </p>
        <p className="mt-0.5 truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={describeMcpServerTarget(server)}>
          {describeMcpServerTarget(server)}
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {server.toolCount === 1 ? '1 tool' : `${server.toolCount} tools`}
        </p>
        {server.status === 'error' && server.lastError ? (
          <p className="mt-1 line-clamp-2 text-xs break-words text-red-700 dark:text-red-400">{server.lastError}</p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Link
          to={mcpServerPagePath(server.id)}
          className="inline-flex h-8 items-center gap-1 rounded-lg px-2.5 text-xs font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-400 dark:hover:bg-violet-950"
        >
          Details
          <ChevronRight aria-hidden="true" className="size-3.5" />
        </Link>
        <Button
          size="small"
          variant="ghost"
          isLoading={isPending}
          icon={server.enabled ? <PowerOff aria-hidden="true" className="size-3.5" /> : <Power aria-hidden="true" className="size-3.5" />}
          onClick={toggle}
        >
          {server.enabled ? 'Disable' : 'Enable'}
        </Button>
        <Button size="small" variant="ghost" icon={<Pencil aria-hidden="true" className="size-3.5" />} onClick={onEdit}>
          Edit
        </Button>
        <Button size="small" variant="ghost" icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => setIsConfirmingDelete(true)}>
          Delete
        </Button>
      </div>
      <DeleteMcpServerDialog server={server} isOpen={isConfirmingDelete} onClose={() => setIsConfirmingDelete(false)} />
    </li>
  );
}
