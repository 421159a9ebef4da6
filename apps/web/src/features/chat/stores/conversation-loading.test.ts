import type { ChatClientMessage } from '@claraverse/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { buildMessageTree, pathToLeaf } from '../lib/message-tree';
import { initializeChat, sendUserMessage } from './chat-actions';
import { chatDatabaseName, openChatDatabase } from './chat-database';
import { createChatRepository } from './chat-repository';
import { findConversation, isConversationPartlyLoaded, upsertMessageInStore, useChatStore } from './chat-store';
import { deleteConversation } from './conversation-actions';
import { openConversation, whenConversationLoaded } from './conversation-loading';

const sent: ChatClientMessage[] = [];
const resumed: string[] = [];
vi.mock('./chat-connection', () => ({
  sendChatMessage: (message: ChatClientMessage) => sent.push(message),
  requestResume: (_conversationId: string, messageId: string) => resumed.push(messageId),
  chatClient: () => ({ getState: () => 'connected', send: (message: ChatClientMessage) => sent.push(message), connect: vi.fn() }),
}));

const messageCount = 1_200;

/** A user's database holding one linear chat of `messageCount` messages, the last one a reply still streaming. */
async function seedLongChat(userId: string): Promise<{ conversation: Conversation; messages: ChatMessage[] }> {
  const messages: ChatMessage[] = [];
  for (let index = 0; index < messageCount; index += 1) {
    const id = `m${index}`;
    messages.push({
      id, conversationId: 'long', role: index % 2 === 0 ? 'user' : 'assistant', content: `message ${index}`, reasoning: '',
      status: index === messageCount - 1 ? 'streaming' : 'done', error: null, createdAt: 1_000 + index, versionGroupId: id,
      versionNumber: 1, parentId: index === 0 ? null : `m${index - 1}`, toolCalls: [], modelId: null, retryType: null, lastSeq: 4,
      reasoningDurationMilliseconds: null,
    });
  }
  const conversation: Conversation = {
    id: 'long', title: 'Long chat', modelId: 'model-a', systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 2, activeLeafId: `m${messageCount - 1}`,
  };
  const database = openChatDatabase(chatDatabaseName(userId));
  await createChatRepository(database).saveConversationWithMessages(conversation, messages);
  database.close();
  return { conversation, messages };
}

const inMemory = (conversationId: string) => useChatStore.getState().messagesByConversation[conversationId] ?? {};

describe('opening a long conversation', () => {
  beforeEach(async () => {
    sent.length = 0;
    resumed.length = 0;
    const userId = `user-${crypto.randomUUID()}`;
    await seedLongChat(userId);
    await initializeChat(userId);
  });

  it('shows the newest messages first, resumes the running reply, then completes in the background without losing newer edits', async () => {
    await openConversation('long');
    expect(isConversationPartlyLoaded('long')).toBe(true);
    const firstCount = Object.keys(inMemory('long')).length;
    expect(firstCount).toBeGreaterThan(50);
    expect(firstCount).toBeLessThan(messageCount / 2);
    expect(resumed).toEqual([`m${messageCount - 1}`]);

    // The reply streams on while the older messages are read: memory wins over what was read before.
    const streaming = inMemory('long')[`m${messageCount - 1}`]!;
    upsertMessageInStore({ ...streaming, content: 'more text than IndexedDB has', lastSeq: 9 });

    await whenConversationLoaded('long');
    expect(isConversationPartlyLoaded('long')).toBe(false);
    expect(Object.keys(inMemory('long'))).toHaveLength(messageCount);
    expect(inMemory('long')[`m${messageCount - 1}`]?.content).toBe('more text than IndexedDB has');
    expect(pathToLeaf(buildMessageTree(Object.values(inMemory('long'))), `m${messageCount - 1}`)).toHaveLength(messageCount);
  });

  it('shares one read between callers', async () => {
    await Promise.all([openConversation('long'), openConversation('long')]);
    expect(resumed).toHaveLength(1);
  });

  it('sends the whole branch, not just the part on screen, when the user writes before the rest is read', async () => {
    await openConversation('long');
    const streaming = inMemory('long')[`m${messageCount - 1}`]!;
    upsertMessageInStore({ ...streaming, status: 'done' });
    expect(isConversationPartlyLoaded('long')).toBe(true);

    expect(sendUserMessage('long', 'One more question', 'model-a')).toBe('long');
    await whenConversationLoaded('long');
    await vi.waitFor(() => expect(sent.at(-1)?.type).toBe('chat.send'));
    const send = sent.at(-1);
    if (send?.type !== 'chat.send') throw new Error('no chat.send');
    expect(send.messages).toHaveLength(messageCount + 1);
    expect(send.messages[0]).toEqual({ role: 'user', content: 'message 0' });
    expect(send.messages.at(-1)).toEqual({ role: 'user', content: 'One more question' });
  });

  it('does not bring a conversation deleted during the background read back into memory', async () => {
    await openConversation('long');
    await deleteConversation('long');
    await whenConversationLoaded('long');
    expect(useChatStore.getState().messagesByConversation.long).toBeUndefined();
    expect(findConversation('long')).toBeUndefined();
  });
});
