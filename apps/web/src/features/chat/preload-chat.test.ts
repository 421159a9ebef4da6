import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session-store';
import { buildSession } from '../../test/build-user';
import type { ChatMessage } from './lib/chat-types';
import { preloadChat } from './preload-chat';
import { chatDatabaseName, openChatDatabase } from './stores/chat-database';
import { createChatRepository } from './stores/chat-repository';
import { isConversationPartlyLoaded, resetChatStore, useChatStore } from './stores/chat-store';

afterEach(() => resetChatStore());

async function seedChat(userId: string, messageCount: number): Promise<void> {
  const messages: ChatMessage[] = Array.from({ length: messageCount }, (_, index) => ({
    id: `m${index}`, conversationId: 'c1', role: index % 2 === 0 ? 'user' : 'assistant', content: `message ${index}`, reasoning: '',
    status: 'done', error: null, createdAt: 1_000 + index, versionGroupId: `m${index}`, versionNumber: 1,
    parentId: index === 0 ? null : `m${index - 1}`, toolCalls: [], modelId: null, retryType: null, lastSeq: 0, reasoningDurationMilliseconds: null,
  }));
  const database = openChatDatabase(chatDatabaseName(userId));
  await createChatRepository(database).saveConversationWithMessages(
    { id: 'c1', title: 'Seeded', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 2, activeLeafId: `m${messageCount - 1}` },
    messages,
  );
  database.close();
}

describe('preloading the chat on the URL while the app boots', () => {
  it('lists the chats and reads the newest messages of the chat in the URL (the rest waits for the chat page)', async () => {
    const session = buildSession({ user: { ...buildSession().user, id: `preload-${crypto.randomUUID()}` } });
    await seedChat(session.user.id, 400);
    useSessionStore.getState().setSession(session);

    expect(preloadChat('/chat/c1')).toBe(true);

    await vi.waitFor(() => {
      expect(useChatStore.getState().conversations.map((conversation) => conversation.title)).toEqual(['Seeded']);
      expect(useChatStore.getState().messagesByConversation.c1?.m399?.content).toBe('message 399');
      // Generous: the stores' modules are imported (and transformed) on the way.
    }, { timeout: 15_000 });
    expect(isConversationPartlyLoaded('c1')).toBe(true);
    expect(useChatStore.getState().messagesByConversation.c1?.m0).toBeUndefined();
  });

  it('does nothing without a stored session or on another page', () => {
    expect(preloadChat('/chat/c1')).toBe(false);
    useSessionStore.getState().setSession(buildSession());
    expect(preloadChat('/settings')).toBe(false);
    expect(preloadChat('/chatty')).toBe(false);
  });
});
