import type { McpServer, McpServerTool } from '@claraverse/shared';
import { ArrowLeft, Pencil, Power, PowerOff, Trash2, Wrench } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState, Spinner } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { formatDateTime } from '../../../lib/format-date';
import { useMcpServer } from '../api/get-mcp-server';
import { useToggleMcpServer } from '../hooks/use-toggle-mcp-server';
import { describeMcpError } from '../lib/describe-mcp-error';
import { Fact } from './fact';
import { DeleteMcpServerDialog } from './delete-mcp-server-dialog';
import { McpServerForm } from './mcp-server-form';
import { McpStatusBadge } from './mcp-status-badge';
import { describeAllowedRoles, describeMcpServerTarget } from './mcp-server-target';

const backLinkClasses = 'inline-flex items-center gap-1 text-sm font-medium text-violet-700 hover:underline dark:text-violet-400';

/** One MCP server: its status, last errors and discovered tools; edit, enable/disable and delete it. */
export function McpServerDetails({ serverId }: { serverId: string }) {
  const serverQuery = useMcpServer(serverId);
  const [isEditing, setIsEditing] = useState(false);
  const backLink = (
    <Link to="/admin/mcp-servers" className={backLinkClasses}>
      <ArrowLeft aria-hidden="true" className="size-4" />
      All MCP servers
    </Link>
  );

  if (serverQuery.isPending) return <LoadingState label="Loading the MCP server…" />;
  if (serverQuery.isError) {
    return (
      <div className="flex flex-col items-start gap-4">
        <Alert tone="error" className="w-full">{describeMcpError(serverQuery.error)}</Alert>
        {backLink}
      </div>
    );
  }
  const { server, tools } = serverQuery.data;
  return (
    <div className="flex flex-col gap-4">
      <div>{backLink}</div>
      {isEditing ? (
        <Card>
          <CardHeader title={`Edit ${server.name}`} />
          <CardBody>
            <McpServerForm
              server={server}
              onSaved={(saved) => {
                showToast(`${saved.name} saved.`);
                setIsEditing(false);
              }}
              onCancel={() => setIsEditing(false)}
            />
          </CardBody>
        </Card>
      ) : (
        <ServerSummary server={server} onEdit={() => setIsEditing(true)} />
      )}
      <ToolsCard server={server} tools={tools} />
    </div>
  );
}

function SecretNames({ names }: { names: string[] }) {
  if (names.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">none</span>;
  return (
    <span className="flex flex-wrap gap-1.5">
      {names.map((name) => (
        <Badge key={name}>
          <span className="font-mono">{name}</span>&nbsp;set
        </Badge>
      ))}
    </span>
  );
}

function ServerSummary({ server, onEdit }: { server: McpServer; onEdit: () => void }) {
  const { toggle, isPending } = useToggleMcpServer(server);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const navigate = useNavigate();
  return (
    <Card>
      <CardHeader
        title={server.name}
        headingLevel="h2"
        description={<span className="flex flex-wrap items-center gap-2"><McpStatusBadge status={server.status} /><Badge>{server.transport}</Badge></span>}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button size="small" variant="secondary" icon={<Pencil aria-hidden="true" className="size-3.5" />} onClick={onEdit}>
              Edit
            </Button>
            <Button
              size="small"
              variant="secondary"
              isLoading={isPending}
              icon={server.enabled ? <PowerOff aria-hidden="true" className="size-3.5" /> : <Power aria-hidden="true" className="size-3.5" />}
              onClick={toggle}
            >
              {server.enabled ? 'Disable' : 'Enable'}
            </Button>
            <Button size="small" variant="ghost" icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => setIsConfirmingDelete(true)}>
              Delete
            </Button>
          </div>
        }
      />
      <CardBody className="flex flex-col gap-4">
        {server.status === 'error' && server.lastError ? (
          <Alert tone="error" title="Last error">
            <span className="break-words">{server.lastError}</span>
          </Alert>
        ) : null}
        {server.status === 'connecting' ? (
          <p role="status" className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
            <Spinner /> Connecting and discovering tools…
          </p>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Fact label={server.transport === 'stdio' ? 'Command' : 'URL'}>
              <code className="font-mono text-xs wrap-anywhere">{describeMcpServerTarget(server)}</code>
            </Fact>
          </div>
          {server.transport === 'stdio' ? (
            <Fact label="Environment variables"><SecretNames names={Object.keys(server.env)} /></Fact>
          ) : (
            <Fact label="Headers"><SecretNames names={Object.keys(server.headers)} /></Fact>
          )}
          <Fact label="Allowed roles">{describeAllowedRoles(server.allowedRoles)}</Fact>
          <Fact label="Tool prefix"><code className="font-mono text-xs">{server.slug}__</code></Fact>
          {server.processId !== null ? <Fact label="Process id">{server.processId}</Fact> : null}
          <Fact label="Last changed">{formatDateTime(server.updatedAt)}</Fact>
        </dl>
        <RecentErrors server={server} />
      </CardBody>
      <DeleteMcpServerDialog
        server={server}
        isOpen={isConfirmingDelete}
        onClose={() => setIsConfirmingDelete(false)}
        onDeleted={() => void navigate('/admin/mcp-servers', { replace: true })}
      />
    </Card>
  );
}

/** The server's last errors since the server process started, newest first: the admin's log of what went wrong. */
function RecentErrors({ server }: { server: McpServer }) {
  if (server.recentErrors.length === 0) return null;
  return (
    <section aria-labelledby={`recent-errors-${server.id}`}>
      <h3 id={`recent-errors-${server.id}`} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Recent errors
      </h3>
      <ol className="mt-2 flex flex-col gap-1.5 rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
        {server.recentErrors.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="break-words text-zinc-700 dark:text-zinc-300">
            <time dateTime={entry.at} className="text-zinc-500 dark:text-zinc-400">{formatDateTime(entry.at)}</time>{' '}
            {entry.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

function emptyToolsMessage(server: McpServer): { title: string; description: string } {
  switch (server.status) {
    case 'connecting':
      return { title: 'Discovering tools…', description: 'The tools appear here once the server has answered.' };
    case 'error':
      return { title: 'No tools', description: 'The server is not connected; ClaraVerse keeps retrying. Check the last error above.' };
    case 'disabled':
      return { title: 'No tools', description: 'Enable the server to connect to it and discover its tools.' };
    case 'connected':
      return { title: 'This server offers no tools', description: 'It connected but listed none.' };
  }
}

function ToolsCard({ server, tools }: { server: McpServer; tools: McpServerTool[] }) {
  const empty = emptyToolsMessage(server);
  return (
    <Card>
      <CardHeader title={`Tools (${tools.length})`} description="What the model sees: each tool's name in chat and its description." />
      {tools.length === 0 ? (
        <EmptyState icon={<Wrench aria-hidden="true" className="size-6" />} title={empty.title} description={empty.description} />
      ) : (
        <ul aria-label={`Tools of ${server.name}`} className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {tools.map((tool) => (
            <li key={tool.name} data-testid="mcp-tool" className="px-5 py-3">
              <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
                <span className="font-mono text-sm font-medium break-all text-zinc-900 dark:text-zinc-50">{tool.name}</span>
                <span className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{tool.registryName}</span>
              </p>
              {tool.description ? <p className="mt-0.5 text-sm break-words text-zinc-600 dark:text-zinc-400">{tool.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
