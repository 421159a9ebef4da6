import type { Agent } from '@claraverse/shared';

/** Placeholder until the panel lands: Saved versions of this workflow. */
export function VersionsPanel({ agent }: { agent: Agent }) {
  return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" data-agent-id={agent.id}>Saved versions of this workflow.</p>;
}
