import type { ChatClientMessage } from '@claraverse/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyReplyToStore } from './apply-reply';
import { initializeChat, sendUserMessage } from './chat-actions';
import { chatDatabaseName, openChatDatabase } from './chat-database';
import { streamingWriteIntervalMilliseconds } from './chat-persistence';
import { createChatRepository } from './chat-repository';
import { useChatStore } from './chat-store';

const sent: ChatClientMessage[] = [];
vi.mock('./chat-connection', () => ({
  sendChatMessage: (message: ChatClientMessage) => sent.push(message),
  requestResume: vi.fn(),
  chatClient: () => ({ getState: () => 'connected', send: (message: ChatClientMessage) => sent.push(message), connect: vi.fn() }),
}));

/** What a reload would find: the user's database opened afresh, apart from the store. */
async function readStored(userId: string, conversationId: string) {
  const database = openChatDatabase(chatDatabaseName(userId));
  try {
    const repository = createChatRepository(database);
    return { conversation: await repository.getConversation(conversationId), messages: await repository.listMessages(conversationId) };
  } finally {
    database.close();
  }
}

/** Lets IndexedDB's queued transactions commit. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function lastSend() {
  const message = sent.at(-1);
  if (message?.type !== 'chat.send') throw new Error('no chat.send');
  return message;
}

describe('saving chats while a reply streams', () => {
  let userId = '';
  beforeEach(async () => {
    sent.length = 0;
    userId = `user-${crypto.randomUUID()}`;
    await initializeChat(userId);
  });

  it('stores the new turn whole at once: a reload right after sending finds the reply to resume under the leaf', async () => {
    const conversationId = sendUserMessage(null, 'Hello there', 'model-a');
    const { messageId } = lastSend();
    await settle();
    const { conversation, messages } = await readStored(userId, conversationId);
    expect(conversation?.activeLeafId).toBe(messageId);
    const byRole = [...messages].sort((left, right) => left.role.localeCompare(right.role));
    expect(byRole.map((message) => [message.role, message.content, message.status])).toEqual([
      ['assistant', '', 'sending'],
      ['user', 'Hello there', 'done'],
    ]);
    expect(byRole[0]?.id).toBe(messageId);
    expect(byRole[0]?.parentId).toBe(byRole[1]?.id);
  });

  it('writes a streaming reply at most once a second, the latest state last, and a final state at once', async () => {
    const conversationId = sendUserMessage(null, 'Count', 'model-a');
    const { messageId } = lastSend();
    const repository = useChatStore.getState().repository!;
    const saveMessages = vi.spyOn(repository, 'saveMessages');
    const startedAt = Date.now();
    for (let seq = 1; seq <= 5; seq += 1) applyReplyToStore({ type: 'chat.text-delta', conversationId, messageId, seq, delta: `w${seq} ` });
    // The turn was written just now: the deltas wait for the end of the second, then the latest one is written.
    expect(saveMessages).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(saveMessages).toHaveBeenCalledTimes(1), { timeout: 3_000, interval: 20 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(streamingWriteIntervalMilliseconds - 50);
    expect(saveMessages.mock.calls[0]?.[0][0]).toMatchObject({ content: 'w1 w2 w3 w4 w5 ', status: 'streaming', lastSeq: 5 });
    expect(saveMessages.mock.calls[0]?.[1]).toBe(false);

    // A second later the next delta is written at once (nothing pending), then the finish at once, indexed.
    await new Promise((resolve) => setTimeout(resolve, streamingWriteIntervalMilliseconds));
    applyReplyToStore({ type: 'chat.text-delta', conversationId, messageId, seq: 6, delta: 'w6' });
    expect(saveMessages).toHaveBeenCalledTimes(2);
    applyReplyToStore({ type: 'chat.finish', conversationId, messageId, seq: 7, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 6 } });
    expect(saveMessages).toHaveBeenCalledTimes(3);
    expect(saveMessages.mock.calls[2]?.[1]).toBe(true);
    await settle();
    const { messages } = await readStored(userId, conversationId);
    expect(messages.find((message) => message.id === messageId)).toMatchObject({ content: 'w1 w2 w3 w4 w5 w6', status: 'done' });
    // No timer is left to overwrite the final state with an older one.
    await new Promise((resolve) => setTimeout(resolve, streamingWriteIntervalMilliseconds + 100));
    expect(saveMessages).toHaveBeenCalledTimes(3);
  });
});
