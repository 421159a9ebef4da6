import type { Agent } from '@claraverse/shared';

/** Placeholder until the panel lands: Schedule, API keys and snippets. */
export function DeployPanel({ agent }: { agent: Agent }) {
  return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" data-agent-id={agent.id}>Schedule, API keys and snippets.</p>;
}
