import type { McpServerStatus } from '@claraverse/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Spinner } from '../../../components/ui/spinner';

const toneByStatus: Record<McpServerStatus, BadgeTone> = {
  connected: 'success',
  connecting: 'accent',
  error: 'danger',
  disabled: 'neutral',
};

/** The connection state of an MCP server; "connecting" spins. */
export function McpStatusBadge({ status }: { status: McpServerStatus }) {
  return (
    <Badge tone={toneByStatus[status]}>
      <span data-testid="mcp-status" className="inline-flex items-center gap-1">
        {status === 'connecting' ? <Spinner className="size-3" /> : null}
        {status}
      </span>
    </Badge>
  );
}
