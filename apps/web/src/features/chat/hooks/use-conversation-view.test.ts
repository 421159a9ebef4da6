import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { resetChatStore, setConversationMessagesInStore, upsertConversationInStore, upsertMessageInStore } from '../stores/chat-store';
import { useConversationView } from './use-conversation-view';

function message(id: string, parentId: string | null, createdAt: number, role: ChatMessage['role']): ChatMessage {
  return {
    id, conversationId: 'c1', role, content: id, reasoning: '', status: 'done', error: null, createdAt, versionGroupId: id,
    versionNumber: 1, parentId, toolCalls: [], modelId: null, retryType: null, lastSeq: 0, reasoningDurationMilliseconds: null,
  };
}

function conversation(activeLeafId: string | null): Conversation {
  return { id: 'c1', title: 'Chat', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId };
}

describe('useConversationView', () => {
  beforeEach(() => resetChatStore());

  it('shows the branch of the stored leaf', () => {
    upsertConversationInStore(conversation('a1'));
    setConversationMessagesInStore('c1', [message('u1', null, 1, 'user'), message('a1', 'u1', 2, 'assistant'), message('a2', 'u1', 3, 'assistant')]);
    const { result } = renderHook(() => useConversationView('c1'));
    expect(result.current.path.map((entry) => entry.id)).toEqual(['u1', 'a1']);
  });

  it('shows the newest branch while the stored leaf is not among the loaded messages, and the leaf once it arrives', () => {
    upsertConversationInStore(conversation('lost'));
    setConversationMessagesInStore('c1', [message('u1', null, 1, 'user'), message('a1', 'u1', 2, 'assistant'), message('u2', 'a1', 3, 'user')]);
    const { result } = renderHook(() => useConversationView('c1'));
    expect(result.current.path.map((entry) => entry.id)).toEqual(['u1', 'a1', 'u2']);

    act(() => upsertMessageInStore(message('lost', 'u2', 4, 'assistant')));
    expect(result.current.path.map((entry) => entry.id)).toEqual(['u1', 'a1', 'u2', 'lost']);
  });

  it('has an empty path for a chat without messages', () => {
    upsertConversationInStore(conversation(null));
    setConversationMessagesInStore('c1', []);
    const { result } = renderHook(() => useConversationView('c1'));
    expect(result.current.path).toEqual([]);
    expect(result.current.isStreaming).toBe(false);
  });
});
