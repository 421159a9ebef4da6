import type { ChatMessage } from '../lib/chat-types';
import { buildMessageTree, pathToLeaf } from '../lib/message-tree';
import { persistMessage } from './chat-persistence';
import { findConversation, findMessage, upsertConversationInStore, upsertMessageInStore, useChatStore } from './chat-store';
import { saveGeneratedImages } from './generated-images';
import { applyReplyMessage, isMessageInFlight, type ReplyMessage, type ReplySideEffects } from './reply-reducer';

/** Messages kept verbatim after a compaction (the server summarises the ones before; reference §2.1). */
export const messagesKeptAfterCompaction = 20;
/** Title a conversation has until the server names it. */
export const defaultConversationTitle = 'New chat';

/**
 * A title as the model wrote it, without markdown (`## Title`, `**Title**`, `` `Title` ``, `- Title`), surrounding
 * quotes or a final full stop; models often answer the title request in markdown. Empty when nothing is left.
 */
export function cleanTitle(title: string): string {
  const firstLine = title.trim().split('\n')[0] ?? '';
  return firstLine
    .replace(/^\s*(?:#{1,6}(?:\s+|$)|[-*+]\s+|>\s*)+/, '')
    .replace(/[*_`~]+/g, '')
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’.:–—-]+$/g, '')
    .slice(0, 80)
    .trim();
}

/** Messages whose reply the server may still be producing. */
export function inFlightMessages(): ChatMessage[] {
  const result: ChatMessage[] = [];
  for (const messages of Object.values(useChatStore.getState().messagesByConversation)) {
    for (const message of Object.values(messages)) if (isMessageInFlight(message)) result.push(message);
  }
  return result;
}

/** Messages whose seq jumped: a resume was asked for and we wait for the replay. */
const resyncing = new Set<string>();
let onGap: (message: ChatMessage) => void = () => {};

/** Lets the connection module ask for a resume when a gap is seen (avoids an import cycle). */
export function setGapHandler(handler: (message: ChatMessage) => void): void {
  onGap = handler;
}

function applyEffects(message: ChatMessage, effects: ReplySideEffects): void {
  if (effects.images) void saveGeneratedImages(message, effects.images);
  const conversation = findConversation(message.conversationId);
  if (!conversation) return;
  const title = effects.title ? cleanTitle(effects.title) : '';
  if (title && conversation.title === defaultConversationTitle) {
    const renamed = { ...conversation, title, updatedAt: Date.now() };
    upsertConversationInStore(renamed);
    void useChatStore.getState().repository?.saveConversation(renamed);
  }
  if (effects.compaction) {
    const { status, progress, summary } = effects.compaction;
    useChatStore.setState((state) => ({
      compactionByConversation: {
        ...state.compactionByConversation,
        [message.conversationId]: status === 'completed' ? undefined : { status, progress },
      },
    }));
    if (status === 'completed' && summary) {
      // The summary covers everything before the last messages of the branch that was sent.
      const tree = buildMessageTree(Object.values(useChatStore.getState().messagesByConversation[message.conversationId] ?? {}));
      const sentPath = pathToLeaf(tree, message.parentId);
      const through = sentPath.at(-1 - messagesKeptAfterCompaction);
      const latest = findConversation(message.conversationId) ?? conversation;
      const updated = {
        ...latest,
        summary,
        ...(through ? { summaryThroughMessageId: through.id } : {}),
      };
      upsertConversationInStore(updated);
      void useChatStore.getState().repository?.saveConversation(updated);
    }
  }
}

/**
 * Applies one reply message from the socket to the store: in `seq` order, duplicates after a resume ignored, a
 * gap answered by one resume request. A `resume_not_found` error is applied whatever its seq (the buffer expired:
 * the partial text stays and the message shows a retry).
 */
export function applyReplyToStore(incoming: ReplyMessage): void {
  const current = findMessage(incoming.conversationId, incoming.messageId);
  if (!current) return;
  if (incoming.type === 'chat.error' && incoming.code === 'resume_not_found') {
    if (!isMessageInFlight(current)) return;
    const failed: ChatMessage = {
      ...current,
      status: 'error',
      error: { code: incoming.code, message: incoming.message, retryable: true },
    };
    upsertMessageInStore(failed);
    persistMessage(failed);
    return;
  }
  const result = applyReplyMessage(current, incoming, Date.now());
  if (result.outcome === 'gap') {
    if (!resyncing.has(current.id)) {
      resyncing.add(current.id);
      onGap(current);
    }
    return;
  }
  if (result.outcome === 'duplicate') return;
  resyncing.delete(current.id);
  if (result.message !== current) {
    upsertMessageInStore(result.message);
    persistMessage(result.message);
  }
  applyEffects(result.message, result.effects);
}
