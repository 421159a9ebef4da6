import type { ChatMessage, Conversation } from '../lib/chat-types';
import { isMessageInFlight } from './reply-reducer';
import { useChatStore } from './chat-store';

/** At most one IndexedDB write per streaming message per this many milliseconds. */
export const streamingWriteIntervalMilliseconds = 1_000;

const pendingTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** When each in-flight message was last written (dropped once it is final). */
const lastWrittenAt = new Map<string, number>();

function reportFailure(error: unknown): void {
  console.error('Could not save a chat message', error);
}

function write(message: ChatMessage, isIndexed: boolean): void {
  const repository = useChatStore.getState().repository;
  if (!repository) return;
  repository.saveMessages([message], isIndexed).catch(reportFailure);
}

function latest(message: ChatMessage): ChatMessage {
  return useChatStore.getState().messagesByConversation[message.conversationId]?.[message.id] ?? message;
}

function writeLatest(message: ChatMessage): void {
  pendingTimers.delete(message.id);
  const current = latest(message);
  if (isMessageInFlight(current)) lastWrittenAt.set(current.id, Date.now());
  else lastWrittenAt.delete(current.id);
  write(current, !isMessageInFlight(current));
}

/**
 * Saves a message: at once when it is final or was not written for a second, otherwise once the second is over
 * (the latest state from the store is written then). A reload loses at most the last second of a streaming reply,
 * never the reply itself. Final messages are also indexed for search.
 */
export function persistMessage(message: ChatMessage): void {
  const timer = pendingTimers.get(message.id);
  if (!isMessageInFlight(message)) {
    if (timer !== undefined) clearTimeout(timer);
    pendingTimers.delete(message.id);
    lastWrittenAt.delete(message.id);
    write(message, true);
    return;
  }
  if (timer !== undefined) return;
  const sinceLastWrite = Date.now() - (lastWrittenAt.get(message.id) ?? Number.NEGATIVE_INFINITY);
  if (sinceLastWrite >= streamingWriteIntervalMilliseconds) {
    writeLatest(message);
    return;
  }
  pendingTimers.set(message.id, setTimeout(() => writeLatest(message), streamingWriteIntervalMilliseconds - sinceLastWrite));
}

/**
 * Saves a new turn in one transaction: the conversation (whose leaf now points at the reply) with its new
 * messages. Later states of the reply go through `persistMessage`.
 */
export function persistTurn(conversation: Conversation, messages: ChatMessage[]): void {
  const repository = useChatStore.getState().repository;
  if (!repository) return;
  const now = Date.now();
  for (const message of messages) if (isMessageInFlight(message)) lastWrittenAt.set(message.id, now);
  repository.saveConversationWithMessages(conversation, messages).catch(reportFailure);
}

/** Cancels pending writes (sign-out). */
export function cancelPendingWrites(): void {
  for (const timer of pendingTimers.values()) clearTimeout(timer);
  pendingTimers.clear();
  lastWrittenAt.clear();
}
