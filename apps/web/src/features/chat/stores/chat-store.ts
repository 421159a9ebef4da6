import { create } from 'zustand';
import type { ConnectionState } from '../../../lib/realtime-client';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import type { ChatRepository } from './chat-repository';
import { compareConversations } from './chat-repository';

export interface CompactionProgress {
  status: 'started' | 'summarizing' | 'completed';
  /** 0–100. */
  progress: number;
}

/**
 * Chats of the signed-in user in memory. While a reply streams this store is the source of truth; IndexedDB
 * receives throttled copies (see chat-persistence.ts).
 */
export interface ChatStoreState {
  userId: string | null;
  repository: ChatRepository | null;
  /** Sorted: starred first, then newest. */
  conversations: Conversation[];
  isLoaded: boolean;
  loadError: string | null;
  /** Messages of the conversations opened so far, by conversation then message id. */
  messagesByConversation: Record<string, Record<string, ChatMessage>>;
  /**
   * Conversations only partly in memory (the newest messages, shown first): the messages created before this time
   * are still being read from IndexedDB. Absent once the whole conversation is in memory.
   */
  unloadedBeforeByConversation: Record<string, number | undefined>;
  compactionByConversation: Record<string, CompactionProgress | undefined>;
  connectionState: ConnectionState;
}

const initialState: ChatStoreState = {
  userId: null,
  repository: null,
  conversations: [],
  isLoaded: false,
  loadError: null,
  messagesByConversation: {},
  unloadedBeforeByConversation: {},
  compactionByConversation: {},
  connectionState: 'idle',
};

export const useChatStore = create<ChatStoreState>()(() => initialState);

/** Forgets everything (sign-out, another user). */
export function resetChatStore(): void {
  useChatStore.setState(initialState, true);
}

/** Replaces (or adds) a conversation and keeps the list sorted. */
export function upsertConversationInStore(conversation: Conversation): void {
  useChatStore.setState((state) => ({
    conversations: [...state.conversations.filter((existing) => existing.id !== conversation.id), conversation].sort(
      compareConversations,
    ),
  }));
}

export function removeConversationFromStore(conversationId: string): void {
  useChatStore.setState((state) => {
    const { [conversationId]: _removed, ...messagesByConversation } = state.messagesByConversation;
    const { [conversationId]: _unloaded, ...unloadedBeforeByConversation } = state.unloadedBeforeByConversation;
    return {
      conversations: state.conversations.filter((conversation) => conversation.id !== conversationId),
      messagesByConversation,
      unloadedBeforeByConversation,
    };
  });
}

export function upsertMessageInStore(message: ChatMessage): void {
  useChatStore.setState((state) => ({
    messagesByConversation: {
      ...state.messagesByConversation,
      [message.conversationId]: { ...state.messagesByConversation[message.conversationId], [message.id]: message },
    },
  }));
}

/** Puts a conversation's messages in memory: all of them, or (with `unloadedBefore`) the newest ones. */
export function setConversationMessagesInStore(conversationId: string, messages: ChatMessage[], unloadedBefore: number | null = null): void {
  useChatStore.setState((state) => ({
    messagesByConversation: {
      ...state.messagesByConversation,
      [conversationId]: Object.fromEntries(messages.map((message) => [message.id, message])),
    },
    unloadedBeforeByConversation: { ...state.unloadedBeforeByConversation, [conversationId]: unloadedBefore ?? undefined },
  }));
}

/**
 * Adds the older messages of a partly loaded conversation, which is then whole. A message already in memory wins:
 * it may have changed since it was read (a reply streaming into it). Nothing happens if the conversation left
 * memory meanwhile (deleted, signed out).
 */
export function addOlderMessagesToStore(conversationId: string, olderMessages: readonly ChatMessage[]): void {
  useChatStore.setState((state) => {
    const current = state.messagesByConversation[conversationId];
    if (!current) return {};
    const merged: Record<string, ChatMessage> = {};
    for (const message of olderMessages) merged[message.id] = message;
    Object.assign(merged, current);
    return {
      messagesByConversation: { ...state.messagesByConversation, [conversationId]: merged },
      unloadedBeforeByConversation: { ...state.unloadedBeforeByConversation, [conversationId]: undefined },
    };
  });
}

/** Whether some of the conversation's messages are still being read (it is then shown from its newest ones). */
export function isConversationPartlyLoaded(conversationId: string): boolean {
  return useChatStore.getState().unloadedBeforeByConversation[conversationId] !== undefined;
}

export function findConversation(conversationId: string): Conversation | undefined {
  return useChatStore.getState().conversations.find((conversation) => conversation.id === conversationId);
}

export function findMessage(conversationId: string, messageId: string): ChatMessage | undefined {
  return useChatStore.getState().messagesByConversation[conversationId]?.[messageId];
}
