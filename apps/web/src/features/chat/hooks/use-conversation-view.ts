import { useMemo } from 'react';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { buildMessageTree, pathToLeaf, type MessageTree } from '../lib/message-tree';
import { visibleTail } from '../stores/read-conversation';
import { isMessageInFlight } from '../stores/reply-reducer';
import { useChatStore } from '../stores/chat-store';

export interface ConversationView {
  conversation: Conversation | undefined;
  /** Null until the messages are loaded from IndexedDB. */
  messages: Record<string, ChatMessage> | undefined;
  tree: MessageTree;
  /** The branch on screen, oldest first (its newest messages only while a long chat is still being read). */
  path: readonly ChatMessage[];
  isStreaming: boolean;
}

/** A conversation with its message tree and the branch on screen. */
export function useConversationView(conversationId: string | null): ConversationView {
  const conversation = useChatStore((state) =>
    conversationId ? state.conversations.find((candidate) => candidate.id === conversationId) : undefined,
  );
  const messages = useChatStore((state) => (conversationId ? state.messagesByConversation[conversationId] : undefined));
  const isPartlyLoaded = useChatStore((state) => (conversationId ? state.unloadedBeforeByConversation[conversationId] !== undefined : false));
  const tree = useMemo(() => buildMessageTree(Object.values(messages ?? {})), [messages]);
  const activeLeafId = conversation?.activeLeafId ?? null;
  // The stored leaf can be missing from what is loaded (a reply's message arriving through resume before the
  // read of the chat): show the newest branch rather than an empty chat.
  const leafId = activeLeafId !== null && tree.byId.has(activeLeafId) ? activeLeafId : newestMessageId(messages);
  const path = useMemo(() => visibleTail(pathToLeaf(tree, leafId), isPartlyLoaded), [tree, leafId, isPartlyLoaded]);
  const isStreaming = path.some(isMessageInFlight);
  return { conversation, messages, tree, path, isStreaming };
}

function newestMessageId(messages: Record<string, { id: string; createdAt: number }> | undefined): string | null {
  let newest: { id: string; createdAt: number } | null = null;
  for (const message of Object.values(messages ?? {})) if (!newest || message.createdAt >= newest.createdAt) newest = message;
  return newest?.id ?? null;
}
