import type { Agent } from '@claraverse/shared';

/** Placeholder until the panel lands: Past runs of this agent. */
export function HistoryPanel({ agent }: { agent: Agent }) {
  return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" data-agent-id={agent.id}>Past runs of this agent.</p>;
}
