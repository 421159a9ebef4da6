import { KeyRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { env } from '../../../config/env';
import { useCreateBridgeKey } from '../api/create-bridge-key';
import { describeMcpError } from '../lib/describe-mcp-error';
import { CopyableCommand } from './copyable-command';

/** The bridge's program name (apps/bridge, `bin` of @claraverse/bridge). */
const bridgeProgram = 'claraverse-bridge';

/** The origin the bridge should log in to: the API's, which is the page's unless the build points elsewhere. */
function serverUrl(): string {
  return env.apiBaseUrl || window.location.origin;
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded-full bg-violet-100 text-xs font-semibold text-violet-800 dark:bg-violet-950 dark:text-violet-300">
        {number}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
        {children}
      </div>
    </li>
  );
}

/**
 * How to connect a bridge: a personal API key with the `mcp-bridge` scope (created here, shown once), then the
 * CLI's `login`, `add` and `start` commands with this server's URL filled in.
 */
export function BridgeSetupSteps() {
  const keyMutation = useCreateBridgeKey();
  const apiKey = keyMutation.data;
  return (
    <Card>
      <CardHeader
        title="Connect your computer"
        description="claraverse-bridge runs MCP servers on your own computer and offers their tools to you (only you) in chat."
      />
      <CardBody>
        <ol className="flex flex-col gap-5">
          <Step number={1} title="Create a personal API key with the mcp-bridge scope">
            {apiKey ? (
              <>
                <Alert tone="success" title="Copy this key now">
                  It is shown only this once. It can only connect a bridge, nothing else.
                </Alert>
                <CopyableCommand command={apiKey} />
              </>
            ) : (
              <div>
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={keyMutation.isPending}
                  icon={<KeyRound aria-hidden="true" className="size-3.5" />}
                  onClick={() => keyMutation.mutate(`claraverse-bridge ${new Date().toISOString().slice(0, 10)}`)}
                >
                  Create a bridge key
                </Button>
              </div>
            )}
            {keyMutation.isError ? <Alert tone="error">{describeMcpError(keyMutation.error)}</Alert> : null}
          </Step>
          <Step number={2} title="Sign the bridge in to this server">
            <CopyableCommand command={`${bridgeProgram} login --url ${serverUrl()} --key ${apiKey ?? 'clv_…'}`} />
          </Step>
          <Step number={3} title="Add the MCP servers it should run">
            <CopyableCommand command={`${bridgeProgram} add files -- npx -y @modelcontextprotocol/server-filesystem ~/Documents`} />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Any stdio server goes after <code className="font-mono whitespace-nowrap">--</code>; for a remote one use{' '}
              <code className="font-mono wrap-anywhere">{`${bridgeProgram} add <name> --url https://…/mcp`}</code>. Secrets:{' '}
              <code className="font-mono whitespace-nowrap">--env NAME=value</code>, <code className="font-mono whitespace-nowrap">--header "Name: value"</code>.
            </p>
          </Step>
          <Step number={4} title="Start it, and leave it running">
            <CopyableCommand command={`${bridgeProgram} start`} />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">This page shows it as connected within a few seconds.</p>
          </Step>
        </ol>
      </CardBody>
    </Card>
  );
}
