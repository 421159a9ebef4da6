import type { UserBridge } from '@claraverse/shared';
import { Unplug, Wrench } from 'lucide-react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState } from '../../../components/ui/spinner';
import { useUserBridge } from '../api/get-user-bridge';
import { useNow } from '../hooks/use-now';
import { describeMcpError } from '../lib/describe-mcp-error';
import { Fact } from './fact';
import { formatTimeAgo } from '../lib/time-ago';
import { BridgeSetupSteps } from './bridge-setup-steps';

type BridgeTool = UserBridge['tools'][number];

/** The bridge's tools by the local server that offers them, servers and tools in name order. */
export function groupToolsByServer(tools: readonly BridgeTool[]): Array<{ server: string; tools: BridgeTool[] }> {
  const groups = new Map<string, BridgeTool[]>();
  for (const tool of tools) groups.set(tool.server, [...(groups.get(tool.server) ?? []), tool]);
  return [...groups.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([server, serverTools]) => ({ server, tools: serverTools.sort((left, right) => left.name.localeCompare(right.name)) }));
}

function ConnectedBridge({ bridge }: { bridge: UserBridge }) {
  const now = useNow();
  const groups = groupToolsByServer(bridge.tools);
  return (
    <>
      <dl className="grid gap-4 px-5 py-4 sm:grid-cols-3">
        <Fact label="Last heartbeat">
          <span data-testid="bridge-heartbeat">{bridge.lastHeartbeatAt ? formatTimeAgo(bridge.lastHeartbeatAt, now) : 'none yet'}</span>
        </Fact>
        <Fact label="Connected">{bridge.connectedAt ? formatTimeAgo(bridge.connectedAt, now) : '—'}</Fact>
        <Fact label="Bridge">
          {[bridge.clientVersion ? `v${bridge.clientVersion}` : null, bridge.platform].filter(Boolean).join(' on ') || '—'}
        </Fact>
      </dl>
      <div className="border-t border-zinc-200 dark:border-zinc-800">
        <h3 className="px-5 pt-4 text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          Tools ({bridge.tools.length})
        </h3>
        {groups.length === 0 ? (
          <EmptyState
            icon={<Wrench aria-hidden="true" className="size-6" />}
            title="The bridge offers no tools"
            description="Add an MCP server to it (step 3 below) and restart it."
          />
        ) : (
          <div className="flex flex-col gap-4 px-5 py-4">
            {groups.map((group) => (
              <section key={group.server} aria-label={`Tools of ${group.server}`} data-testid="bridge-server">
                <h4 className="flex items-center gap-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
                  {group.server}
                  <Badge>{group.tools.length === 1 ? '1 tool' : `${group.tools.length} tools`}</Badge>
                </h4>
                <ul className="mt-2 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
                  {group.tools.map((tool) => (
                    <li key={tool.registryName} className="px-3 py-2">
                      <p className="font-mono text-sm font-medium break-all text-zinc-900 dark:text-zinc-50">{tool.name}</p>
                      {tool.description ? <p className="text-sm break-words text-zinc-600 dark:text-zinc-400">{tool.description}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </div>
    </>
  );
}

/** Settings → My bridge: whether the user's claraverse-bridge is connected, its heartbeat and tools, and how to set one up. */
export function BridgePanel() {
  const bridgeQuery = useUserBridge();
  const bridge = bridgeQuery.data;
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader
          title="My bridge"
          description="Tools from MCP servers running on your own computer, relayed by claraverse-bridge."
          actions={
            bridge ? (
              <span data-testid="bridge-state">
                {bridge.connected ? <Badge tone="success">connected</Badge> : <Badge>not connected</Badge>}
              </span>
            ) : null
          }
        />
        {bridgeQuery.isPending ? <LoadingState label="Checking your bridge…" /> : null}
        {bridgeQuery.isError ? (
          <CardBody>
            <Alert tone="error">{describeMcpError(bridgeQuery.error)}</Alert>
          </CardBody>
        ) : null}
        {bridge?.connected ? <ConnectedBridge bridge={bridge} /> : null}
        {bridge && !bridge.connected ? (
          <EmptyState
            icon={<Unplug aria-hidden="true" className="size-6" />}
            title="No bridge is connected"
            description="Follow the steps below on the computer whose MCP servers you want to use. This page notices the bridge by itself."
          />
        ) : null}
      </Card>
      <BridgeSetupSteps />
    </div>
  );
}
