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
    return {
      conversations: state.conversations.filter((conversation) => conversation.id !== conversationId),
      messagesByConversation,
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

export function setConversationMessagesInStore(conversationId: string, messages: ChatMessage[]): void {
  useChatStore.setState((state) => ({
    messagesByConversation: {
      ...state.messagesByConversation,
      [conversationId]: Object.fromEntries(messages.map((message) => [message.id, message])),
    },
  }));
}

export function findConversation(conversationId: string): Conversation | undefined {
  return useChatStore.getState().conversations.find((conversation) => conversation.id === conversationId);
}

export function findMessage(conversationId: string, messageId: string): ChatMessage | undefined {
  return useChatStore.getState().messagesByConversation[conversationId]?.[messageId];
}
