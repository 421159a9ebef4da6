import { agentPath, agentsQueryKeys } from './agents-paths';

/**
 * Paths and query keys of the agent builder (the generator, Ask mode and builder conversations). Kept beside
 * agents-paths.ts; the conversation key sits under the agent's key, so invalidating the agent refreshes it too.
 */
export const builderQueryKeys = {
  currentConversation: (agentId: string) => [...agentsQueryKeys.agent(agentId), 'builder-conversation'] as const,
};

/** The generator's step 1 (`select-tools`), step 2 (`generate-with-tools`) and Ask mode (`ask`) of an agent. */
export function agentBuilderPath(agentId: string, action: 'select-tools' | 'generate-with-tools' | 'ask'): string {
  return `${agentPath(agentId)}/${action}`;
}

/** The agent's builder conversations (`POST` starts a new one, which becomes the current one). */
export function builderConversationsPath(agentId: string): string {
  return `${agentPath(agentId)}/conversations`;
}

/** The agent's current builder conversation (made on first use). */
export function currentBuilderConversationPath(agentId: string): string {
  return `${agentPath(agentId)}/conversations/current`;
}

export function builderConversationMessagesPath(agentId: string, conversationId: string): string {
  return `${agentPath(agentId)}/conversations/${encodeURIComponent(conversationId)}/messages`;
}
