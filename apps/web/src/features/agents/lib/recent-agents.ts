/** The agents a user opened last on this browser, newest first (ids only; the list page shows those that exist). */
const storageKey = 'claraverse.agents.recently-opened';
export const recentAgentsLimit = 4;

export function readRecentAgentIds(): string[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string').slice(0, recentAgentsLimit) : [];
  } catch {
    return [];
  }
}

/** Puts `agentId` first (once), keeping the few most recent. */
export function rememberOpenedAgent(agentId: string): void {
  const ids = [agentId, ...readRecentAgentIds().filter((id) => id !== agentId)].slice(0, recentAgentsLimit);
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(ids));
  } catch {
    // Storage blocked: no recent list on this browser.
  }
}
