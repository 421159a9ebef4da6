import type { Agent } from '@claraverse/shared';

/** Placeholder until the panel lands: Describe the agent in words and the builder makes it. */
export function BuilderChatPanel({ agent }: { agent: Agent }) {
  return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" data-agent-id={agent.id}>Describe the agent in words and the builder makes it.</p>;
}
