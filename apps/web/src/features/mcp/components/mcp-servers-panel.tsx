import type { McpServer } from '@claraverse/shared';
import { Plug, Plus } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { useMcpServers } from '../api/list-mcp-servers';
import { describeMcpError } from '../lib/describe-mcp-error';
import { McpServerForm } from './mcp-server-form';
import { McpServerRow } from './mcp-server-row';
import { mcpServerPagePath } from './mcp-server-target';

/** Admin → MCP servers: the list with live status, and the add/edit form. A new server opens on its detail page. */
export function McpServersPanel() {
  const serversQuery = useMcpServers();
  const navigate = useNavigate();
  // undefined: list; null: adding; a server: editing it.
  const [editing, setEditing] = useState<McpServer | null | undefined>(undefined);

  const handleSaved = (server: McpServer) => {
    if (editing) {
      showToast(`${server.name} saved.`);
      setEditing(undefined);
      return;
    }
    showToast(`${server.name} added.`);
    void navigate(mcpServerPagePath(server.id));
  };

  if (editing !== undefined) {
    return (
      <Card>
        <CardHeader title={editing ? `Edit ${editing.name}` : 'Add an MCP server'} />
        <CardBody>
          <McpServerForm key={editing?.id ?? 'new'} server={editing} onSaved={handleSaved} onCancel={() => setEditing(undefined)} />
        </CardBody>
      </Card>
    );
  }
  const servers = serversQuery.data ?? [];
  return (
    <Card>
      <CardHeader
        title="MCP servers"
        description="Tool servers that speak the Model Context Protocol. Their tools join everyone's chats (or only the roles you choose)."
        actions={
          <Button icon={<Plus aria-hidden="true" className="size-4" />} onClick={() => setEditing(null)}>
            Add server
          </Button>
        }
      />
      {serversQuery.isPending ? <LoadingState label="Loading MCP servers…" /> : null}
      {serversQuery.isError ? <Alert tone="error" className="m-4">{describeMcpError(serversQuery.error)}</Alert> : null}
      {serversQuery.isSuccess && servers.length === 0 ? (
        <EmptyState
          icon={<Plug aria-hidden="true" className="size-6" />}
          title="No MCP servers yet"
          description="Add a local program (stdio) or a remote Streamable HTTP endpoint; ClaraVerse connects to it and lists its tools."
        />
      ) : null}
      {servers.length > 0 ? (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {servers.map((server) => (
            <McpServerRow key={server.id} server={server} onEdit={() => setEditing(server)} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
