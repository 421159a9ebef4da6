import type { ChatMessage } from './chat-types';

export interface MessageTree {
  byId: ReadonlyMap<string, ChatMessage>;
  /** Children of each parent id ('' for the roots), oldest first. */
  childrenByParent: ReadonlyMap<string, ChatMessage[]>;
}

/** Indexes a conversation's messages by id and by parent. O(n). */
export function buildMessageTree(messages: Iterable<ChatMessage>): MessageTree {
  const byId = new Map<string, ChatMessage>();
  const childrenByParent = new Map<string, ChatMessage[]>();
  for (const message of messages) {
    byId.set(message.id, message);
    const key = message.parentId ?? '';
    const siblings = childrenByParent.get(key);
    if (siblings) siblings.push(message);
    else childrenByParent.set(key, [message]);
  }
  for (const siblings of childrenByParent.values()) siblings.sort((left, right) => left.createdAt - right.createdAt);
  return { byId, childrenByParent };
}

/** The messages from the root down to `leafId` (the branch on screen). */
export function pathToLeaf(tree: MessageTree, leafId: string | null): ChatMessage[] {
  const path: ChatMessage[] = [];
  const seen = new Set<string>();
  let current = leafId ? tree.byId.get(leafId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.push(current);
    current = current.parentId ? tree.byId.get(current.parentId) : undefined;
  }
  return path.reverse();
}

/** The newest message below `messageId`, following the newest child at each step. */
export function newestLeafUnder(tree: MessageTree, messageId: string): string {
  let currentId = messageId;
  for (;;) {
    const children = tree.childrenByParent.get(currentId);
    const newest = children?.at(-1);
    if (!newest) return currentId;
    currentId = newest.id;
  }
}

/** The versions of a message: its siblings of the same role (edits of a user turn, regenerations of a reply). */
export function versionsOf(tree: MessageTree, message: ChatMessage): ChatMessage[] {
  const siblings = tree.childrenByParent.get(message.parentId ?? '') ?? [message];
  return siblings.filter((sibling) => sibling.role === message.role);
}
