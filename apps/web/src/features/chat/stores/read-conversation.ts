import type { ChatMessage } from '../lib/chat-types';
import { buildMessageTree, pathToLeaf } from '../lib/message-tree';
import type { ChatRepository } from './chat-repository';

/** Messages of the branch on screen read before the first render (a few screens' worth). */
export const tailPathLength = 50;
const tailPageSize = 100;
/** Past this many messages the tail read gives up paging and reads the rest at once (e.g. an old branch is shown). */
const tailReadLimit = 1_000;
/** Page size of the background read: each page is one short main-thread task (structured-clone of ~500 records). */
const backgroundPageSize = 500;

export interface ConversationTail {
  messages: ChatMessage[];
  /**
   * Null when `messages` is the whole conversation. Otherwise every message created at or after this time is in
   * `messages`, and the ones created before it still have to be read.
   */
  unloadedBefore: number | null;
}

function addAll(loaded: Map<string, ChatMessage>, messages: readonly ChatMessage[]): void {
  for (const message of messages) loaded.set(message.id, message);
}

/**
 * Reads the newest messages of a conversation, page by page, until the branch ending at `activeLeafId` has more
 * than `tailPathLength` of them, so that a long chat can render before the rest is read.
 *
 * Why the shown branch is exact: pages are read newest first and a page that ends among equal timestamps is
 * completed, so everything created at or after the oldest loaded time is loaded. A message is created after its
 * parent, so every version (sibling) of a loaded message whose parent is loaded is loaded too: the branch is
 * exact below its first message (whose parent is missing); the caller hides that one (see `visibleTail`).
 */
export async function readConversationTail(
  repository: ChatRepository,
  conversationId: string,
  activeLeafId: string | null,
): Promise<ConversationTail> {
  const loaded = new Map<string, ChatMessage>();
  const whole = async (before?: number): Promise<ConversationTail> => {
    addAll(loaded, await repository.listMessagesByTime(conversationId, before === undefined ? {} : { before }));
    return { messages: [...loaded.values()], unloadedBefore: null };
  };
  // No branch on screen: nothing to show first (a new or an emptied chat).
  if (activeLeafId === null) return whole();

  let before: number | undefined;
  for (;;) {
    const page = await repository.listMessagesByTime(conversationId, { before, limit: tailPageSize, newestFirst: true });
    addAll(loaded, page);
    const oldest = page.at(-1);
    if (page.length < tailPageSize || !oldest) return { messages: [...loaded.values()], unloadedBefore: null };
    addAll(loaded, await repository.listMessagesCreatedAt(conversationId, oldest.createdAt));
    before = oldest.createdAt;
    if (loaded.size >= tailReadLimit) return whole(before);
    if (pathToLeaf(buildMessageTree(loaded.values()), activeLeafId).length > tailPathLength) {
      return { messages: [...loaded.values()], unloadedBefore: before };
    }
  }
}

/**
 * Reads the messages created before `before`, oldest first, in pages with `pause()` awaited before each, so that
 * a 5,000-message chat loads in the background without one long main-thread task.
 */
export async function readMessagesBefore(
  repository: ChatRepository,
  conversationId: string,
  before: number,
  pause: () => Promise<void>,
): Promise<ChatMessage[]> {
  const loaded = new Map<string, ChatMessage>();
  let after: number | undefined;
  for (;;) {
    await pause();
    const page = await repository.listMessagesByTime(conversationId, { after, before, limit: backgroundPageSize });
    addAll(loaded, page);
    const newest = page.at(-1);
    if (page.length < backgroundPageSize || !newest) return [...loaded.values()];
    addAll(loaded, await repository.listMessagesCreatedAt(conversationId, newest.createdAt));
    after = newest.createdAt;
  }
}

/**
 * The part of a branch that can be shown while older messages are still being read: without its first message,
 * whose parent (and so, possibly, some of its versions) is not loaded yet.
 */
export function visibleTail(path: readonly ChatMessage[], isPartial: boolean): readonly ChatMessage[] {
  return isPartial ? path.slice(1) : path;
}
