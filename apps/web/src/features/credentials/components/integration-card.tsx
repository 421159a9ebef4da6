import { composioIntegrationIdSchema, type Integration } from '@claraverse/shared';
import { Check, Link2, Plus } from 'lucide-react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useConnectComposio } from '../api/connect-composio';
import { describeCredentialError } from '../lib/describe-credential-error';
import { IntegrationIcon } from '../lib/integration-icons';

interface IntegrationCardProps {
  integration: Integration;
  /** How many credentials the user has for it. */
  credentialCount: number;
  /** Its tools the user's chats are offered now (it has a credential). */
  readyTools: readonly string[];
  onAdd: () => void;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * A service of the catalogue: what it is, its tools (those ready in chat ticked), how many credentials the user
 * has, and how to add one — a form, Composio's sign-in, or why this instance cannot.
 */
export function IntegrationCard({ integration, credentialCount, readyTools, onAdd }: IntegrationCardProps) {
  const headingId = `integration-${integration.id}`;
  const isReady = readyTools.length > 0;
  return (
    <li
      aria-labelledby={headingId}
      data-testid="integration-card"
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
          <IntegrationIcon name={integration.icon} className="size-4.5" />
        </span>
        <div className="min-w-0 flex-1">
          <h4 id={headingId} className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium text-zinc-900 dark:text-zinc-50">
            {integration.name}
            {isReady ? <Badge tone="success">Ready</Badge> : null}
            {integration.comingSoon ? <Badge tone="warning">Coming soon</Badge> : null}
          </h4>
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{integration.description}</p>
        </div>
      </div>
      <ToolList integration={integration} readyTools={readyTools} />
      <div className="mt-auto flex flex-wrap items-center justify-between gap-2">
        {credentialCount > 0 || integration.available ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {credentialCount > 0 ? `${plural(credentialCount, 'credential')} saved` : 'No credential yet'}
          </span>
        ) : null}
        <AddAction integration={integration} onAdd={onAdd} />
      </div>
    </li>
  );
}

/** The integration's tools in a disclosure; the summary says how many are ready in chat. */
function ToolList({ integration, readyTools }: Pick<IntegrationCardProps, 'integration' | 'readyTools'>) {
  if (integration.tools.length === 0) return null;
  const summary = readyTools.length > 0 ? `${plural(integration.tools.length, 'tool')} · ${readyTools.length} ready in chat` : plural(integration.tools.length, 'tool');
  return (
    <details className="group text-xs text-zinc-600 dark:text-zinc-400">
      <summary className="cursor-pointer rounded select-none hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-violet-600 dark:hover:text-zinc-100">
        {summary}
      </summary>
      <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={`Tools of ${integration.name}`}>
        {integration.tools.map((tool) => {
          const isReady = readyTools.includes(tool);
          return (
            <li key={tool} className="inline-flex max-w-full items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 font-mono break-all text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {isReady ? <Check aria-label="ready" className="size-3 shrink-0 text-emerald-600 dark:text-emerald-400" /> : null}
              {tool}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** Add (a form), Connect (Composio's OAuth page), or a sentence saying why neither is possible here. */
function AddAction({ integration, onAdd }: Pick<IntegrationCardProps, 'integration' | 'onAdd'>) {
  const connectMutation = useConnectComposio();
  if (integration.comingSoon) return null;
  if (!integration.available) {
    return (
      <p className="w-full text-xs break-words text-amber-800 dark:text-amber-300">
        Not configured on this instance
        {integration.unavailableReason ? <span className="block text-zinc-500 dark:text-zinc-400">{integration.unavailableReason}</span> : null}
      </p>
    );
  }
  const composio = composioIntegrationIdSchema.safeParse(integration.id);
  if (composio.success) {
    return (
      <div className="flex flex-col items-end gap-1">
        <Button
          size="small"
          aria-label={`Connect ${integration.name}`}
          isLoading={connectMutation.isPending || connectMutation.isSuccess}
          icon={<Link2 aria-hidden="true" className="size-3.5" />}
          onClick={() => connectMutation.mutate(composio.data)}
        >
          Connect
        </Button>
        {connectMutation.isError ? <p role="alert" className="text-xs text-red-700 dark:text-red-400">{describeCredentialError(connectMutation.error)}</p> : null}
      </div>
    );
  }
  return (
    <Button size="small" variant="secondary" aria-label={`Add ${integration.name} credential`} icon={<Plus aria-hidden="true" className="size-3.5" />} onClick={onAdd}>
      Add
    </Button>
  );
}
