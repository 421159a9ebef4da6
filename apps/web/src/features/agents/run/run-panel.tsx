import type { Agent } from '@claraverse/shared';

/** Placeholder until the panel lands: Run the agent and watch each block. */
export function RunPanel({ agent }: { agent: Agent }) {
  return <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" data-agent-id={agent.id}>Run the agent and watch each block.</p>;
}
