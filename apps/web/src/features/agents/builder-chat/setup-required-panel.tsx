import type { SetupRequiredItem } from '@claraverse/shared';
import { KeyRound } from 'lucide-react';
import { Link } from 'react-router';

/** The integrations named once each, with the tools of the workflow that need them. */
function byIntegration(items: readonly SetupRequiredItem[]): { integrationId: string; integrationName: string; toolIds: string[] }[] {
  const groups = new Map<string, { integrationId: string; integrationName: string; toolIds: string[] }>();
  for (const item of items) {
    const group = groups.get(item.integrationId) ?? { integrationId: item.integrationId, integrationName: item.integrationName, toolIds: [] };
    if (!group.toolIds.includes(item.toolId)) group.toolIds.push(item.toolId);
    groups.set(item.integrationId, group);
  }
  return [...groups.values()];
}

/**
 * "Setup required": tools of the generated workflow need credentials the user has not added yet. Each integration
 * links to the Credentials page, where they are added; the workflow runs once they exist.
 */
export function SetupRequiredPanel({ items }: { items: readonly SetupRequiredItem[] }) {
  const integrations = byIntegration(items);
  if (integrations.length === 0) return null;
  return (
    <section
      aria-label="Setup required"
      className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200"
    >
      <p className="flex items-center gap-1.5 font-semibold">
        <KeyRound aria-hidden="true" className="size-4 shrink-0" />
        Setup required
      </p>
      <p className="mt-0.5 text-amber-800 dark:text-amber-300">Some tools need a credential before this agent can run:</p>
      <ul className="mt-2 flex flex-col gap-1.5">
        {integrations.map(({ integrationId, integrationName, toolIds }) => (
          <li key={integrationId} className="flex items-center justify-between gap-2 rounded-md bg-white/70 px-2.5 py-1.5 dark:bg-zinc-900/60">
            <span className="min-w-0">
              <span className="block font-medium text-zinc-900 dark:text-zinc-100">{integrationName}</span>
              <span className="block truncate font-mono text-xs text-zinc-600 dark:text-zinc-400" title={toolIds.join(', ')}>
                {toolIds.join(', ')}
              </span>
            </span>
            <Link
              to="/credentials"
              aria-label={`Add a ${integrationName} credential`}
              className="shrink-0 rounded-md px-2 py-1 text-xs font-semibold text-violet-700 hover:bg-violet-50 hover:text-violet-800 dark:text-violet-300 dark:hover:bg-violet-950 dark:hover:text-violet-200"
            >
              Add credential
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
