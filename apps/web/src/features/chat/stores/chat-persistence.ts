import type { ChatMessage } from '../lib/chat-types';
import { isMessageInFlight } from './reply-reducer';
import { useChatStore } from './chat-store';

/** At most one IndexedDB write per streaming message per this many milliseconds. */
export const streamingWriteIntervalMilliseconds = 1_000;

const pendingTimers = new Map<string, ReturnType<typeof setTimeout>>();

function write(message: ChatMessage, isIndexed: boolean): void {
  const repository = useChatStore.getState().repository;
  if (!repository) return;
  repository.saveMessages([message], isIndexed).catch((error: unknown) => {
    console.error('Could not save a chat message', error);
  });
}

function latest(message: ChatMessage): ChatMessage {
  return useChatStore.getState().messagesByConversation[message.conversationId]?.[message.id] ?? message;
}

/**
 * Saves a message: at once when it is final, otherwise at most once a second (the latest state from the store is
 * written when the timer fires). Final messages are also indexed for search.
 */
export function persistMessage(message: ChatMessage): void {
  if (!isMessageInFlight(message)) {
    const timer = pendingTimers.get(message.id);
    if (timer !== undefined) clearTimeout(timer);
    pendingTimers.delete(message.id);
    write(message, true);
    return;
  }
  if (pendingTimers.has(message.id)) return;
  pendingTimers.set(
    message.id,
    setTimeout(() => {
      pendingTimers.delete(message.id);
      const current = latest(message);
      write(current, !isMessageInFlight(current));
    }, streamingWriteIntervalMilliseconds),
  );
}

/** Cancels pending writes (sign-out). */
export function cancelPendingWrites(): void {
  for (const timer of pendingTimers.values()) clearTimeout(timer);
  pendingTimers.clear();
}
