import type Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../lib/chat-types';
import { buildMessageTree, pathToLeaf, versionsOf } from '../lib/message-tree';
import { chatDatabaseName, openChatDatabase } from './chat-database';
import { createChatRepository, type ChatRepository } from './chat-repository';
import { readConversationTail, readMessagesBefore, tailPathLength, visibleTail } from './read-conversation';

const openedDatabases: Dexie[] = [];
afterEach(async () => {
  await Promise.all(openedDatabases.splice(0).map((database) => database.delete()));
});

function openRepository(): ChatRepository {
  const database = openChatDatabase(chatDatabaseName(`reader-${crypto.randomUUID()}`));
  openedDatabases.push(database);
  return createChatRepository(database);
}

/** Builds conversations the way the app does: each message a child of the one before, created after its parent. */
function conversationBuilder(conversationId: string) {
  const messages: ChatMessage[] = [];
  let clock = 1_000;
  const add = (parent: ChatMessage | null, fields: Partial<ChatMessage> = {}): ChatMessage => {
    const id = `m${messages.length}`;
    const role = parent?.role === 'user' ? 'assistant' : 'user';
    const message: ChatMessage = {
      id, conversationId, role, content: `${role} ${id}`, reasoning: '', status: 'done', error: null, createdAt: (clock += 10),
      versionGroupId: id, versionNumber: 1, parentId: parent?.id ?? null, toolCalls: [], modelId: null, retryType: null, lastSeq: 0,
      reasoningDurationMilliseconds: null, ...fields,
    };
    messages.push(message);
    return message;
  };
  const chain = (from: ChatMessage | null, count: number): ChatMessage => {
    let last = from;
    for (let index = 0; index < count; index += 1) last = add(last);
    if (!last) throw new Error('empty chain');
    return last;
  };
  return { messages, add, chain };
}

const ids = (messages: readonly ChatMessage[]) => messages.map((message) => message.id);

/** The branch and the version counts as the view computes them from the loaded messages. */
function shownBranch(messages: readonly ChatMessage[], leafId: string, isPartial: boolean) {
  const tree = buildMessageTree(messages);
  return visibleTail(pathToLeaf(tree, leafId), isPartial).map((message) => ({ id: message.id, versions: ids(versionsOf(tree, message)) }));
}

describe('reading a conversation newest first', () => {
  it('reads a short chat whole, and a chat without a branch on screen whole', async () => {
    const repository = openRepository();
    const { messages, chain } = conversationBuilder('short');
    const leaf = chain(null, 30);
    await repository.saveConversationWithMessages({ id: 'short', title: 'Short', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: leaf.id }, messages);

    const tail = await readConversationTail(repository, 'short', leaf.id);
    expect(tail.unloadedBefore).toBeNull();
    expect(ids(tail.messages).sort()).toEqual(ids(messages).sort());
    expect((await readConversationTail(repository, 'short', null)).messages).toHaveLength(30);
    expect(await readConversationTail(repository, 'missing', 'm1')).toEqual({ messages: [], unloadedBefore: null });
  });

  it('reads only the newest messages of a long chat, with exact versions below the first one shown; the rest completes it', async () => {
    const repository = openRepository();
    const { messages, add, chain } = conversationBuilder('long');
    const early = chain(null, 900);
    // An edit far back (a sibling of m98): a branch that stays off screen.
    chain(add(messages[97]!, { versionGroupId: 'm98', versionNumber: 2 }), 40);
    let leaf = chain(early, 260);
    // Two regenerations of a recent reply (versions created later than the branch that continues from version 1),
    // then the chat continues under the last one; and an edit of the last user message.
    const question = messages.at(-2)!;
    add(question, { versionGroupId: leaf.id, versionNumber: 2 });
    const latestVersion = add(question, { versionGroupId: leaf.id, versionNumber: 3 });
    leaf = chain(latestVersion, 10);
    const lastQuestion = messages.find((message) => message.id === leaf.parentId)!;
    const editedQuestion = add(messages.find((message) => message.id === lastQuestion.parentId)!, { versionGroupId: lastQuestion.id, versionNumber: 2 });
    leaf = chain(editedQuestion, 1);
    await repository.saveConversationWithMessages({ id: 'long', title: 'Long', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: leaf.id }, messages);

    const tail = await readConversationTail(repository, 'long', leaf.id);
    expect(tail.unloadedBefore).not.toBeNull();
    expect(tail.messages.length).toBeLessThan(messages.length / 4);
    const everything = shownBranch(messages, leaf.id, false);
    const shown = shownBranch(tail.messages, leaf.id, true);
    expect(shown.length).toBeGreaterThanOrEqual(tailPathLength);
    // The same messages, with the same versions, as the end of the branch computed from the whole chat.
    expect(shown).toEqual(everything.slice(-shown.length));
    expect(shown.some((entry) => entry.versions.length === 3)).toBe(true);
    expect(shown.some((entry) => entry.versions.length === 2)).toBe(true);

    const older = await readMessagesBefore(repository, 'long', tail.unloadedBefore!, () => Promise.resolve());
    expect(ids([...older, ...tail.messages]).sort()).toEqual(ids(messages).sort());
    expect(older.every((message) => message.createdAt < tail.unloadedBefore!)).toBe(true);
  });

  it('loses and repeats nothing when pages end among equal timestamps', async () => {
    const repository = openRepository();
    const { messages, chain } = conversationBuilder('ties');
    const leaf = chain(null, 1_300);
    // Messages written in the same millisecond, in runs of 7 (a page holds 100 or 500: runs straddle the edges).
    const tied = messages.map((message, index) => ({ ...message, createdAt: 5_000 + Math.floor(index / 7) }));
    await repository.saveConversationWithMessages({ id: 'ties', title: 'Ties', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: leaf.id }, tied);

    const tail = await readConversationTail(repository, 'ties', leaf.id);
    expect(tail.unloadedBefore).not.toBeNull();
    const older = await readMessagesBefore(repository, 'ties', tail.unloadedBefore!, () => Promise.resolve());
    const all = [...older, ...tail.messages];
    expect(new Set(ids(all)).size).toBe(all.length);
    expect(all).toHaveLength(1_300);
  });

  it('finds a branch on screen that is older than most of the chat', async () => {
    const repository = openRepository();
    const { messages, add, chain } = conversationBuilder('old-branch');
    const root = add(null);
    const oldLeaf = chain(root, 70);
    // A newer branch of 1,500 messages from an edit of the first message; the user switched back to the old one.
    chain(add(null, { versionGroupId: root.id, versionNumber: 2 }), 1_500);
    await repository.saveConversationWithMessages({ id: 'old-branch', title: 'Old', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: oldLeaf.id }, messages);

    const tail = await readConversationTail(repository, 'old-branch', oldLeaf.id);
    const older = tail.unloadedBefore === null ? [] : await readMessagesBefore(repository, 'old-branch', tail.unloadedBefore, () => Promise.resolve());
    expect(shownBranch(tail.messages, oldLeaf.id, tail.unloadedBefore !== null)).toEqual(
      shownBranch(messages, oldLeaf.id, false).slice(tail.unloadedBefore === null ? 0 : 1),
    );
    expect(tail.messages.length + older.length).toBe(messages.length);
  });
});
