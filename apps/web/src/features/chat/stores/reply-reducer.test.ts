import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { applyReplyToStore, cleanTitle, defaultConversationTitle, setGapHandler } from './apply-reply';
import { findConversation, findMessage, resetChatStore, setConversationMessagesInStore, upsertConversationInStore } from './chat-store';
import { applyReplyMessage, type ReplyMessage } from './reply-reducer';

const base = { conversationId: 'c1', messageId: 'a1' };

function assistantMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 'a1', conversationId: 'c1', role: 'assistant', content: '', reasoning: '', status: 'sending', error: null,
    createdAt: 1_000, versionGroupId: 'a1', versionNumber: 1, parentId: 'u1', toolCalls: [], modelId: null,
    retryType: null, lastSeq: 0, reasoningDurationMilliseconds: null, ...overrides,
  };
}

const stream: ReplyMessage[] = [
  { type: 'chat.start', ...base, seq: 1, modelId: 'openai:gpt-4.1' },
  { type: 'chat.reasoning-delta', ...base, seq: 2, delta: 'Let me think.' },
  { type: 'chat.text-delta', ...base, seq: 3, delta: 'Hello' },
  { type: 'chat.text-delta', ...base, seq: 4, delta: ', world' },
  { type: 'chat.finish', ...base, seq: 5, finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 2 } },
];

describe('applyReplyMessage', () => {
  it('builds the reply from start, deltas and finish, timing the reasoning', () => {
    let message = assistantMessage();
    const outcomes = stream.map((incoming, index) => {
      const result = applyReplyMessage(message, incoming, 1_000 + index * 500);
      message = result.message;
      return result.outcome;
    });
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(message).toMatchObject({
      status: 'done', content: 'Hello, world', reasoning: 'Let me think.', modelId: 'openai:gpt-4.1', lastSeq: 5,
      reasoningDurationMilliseconds: 1_000,
    });
  });

  it('ignores a message it already applied and refuses one that skips a seq', () => {
    const started = applyReplyMessage(assistantMessage(), stream[0]!, 0).message;
    const duplicate = applyReplyMessage(started, stream[0]!, 0);
    expect(duplicate).toMatchObject({ outcome: 'duplicate' });
    expect(duplicate.message).toBe(started);
    const gap = applyReplyMessage(started, stream[2]!, 0);
    expect(gap.outcome).toBe('gap');
    expect(gap.message).toBe(started);
  });

  it('keeps the partial text on an error and marks a stopped reply', () => {
    const partial = assistantMessage({ status: 'streaming', content: 'Half', lastSeq: 3 });
    const failed = applyReplyMessage(partial, { type: 'chat.error', ...base, seq: 4, code: 'stream_interrupted', message: 'Cut', retryable: true }, 0);
    expect(failed.message).toMatchObject({ status: 'error', content: 'Half', error: { code: 'stream_interrupted', retryable: true } });
    const stopped = applyReplyMessage(partial, { type: 'chat.finish', ...base, seq: 4, finishReason: 'stopped', usage: { inputTokens: 1, outputTokens: 1 } }, 0);
    expect(stopped.message).toMatchObject({ status: 'stopped', content: 'Half' });
  });

  it('records tool calls and their results', () => {
    let message = assistantMessage({ lastSeq: 1, status: 'streaming' });
    message = applyReplyMessage(message, { type: 'chat.tool-call', ...base, seq: 2, toolCallId: 't1', toolName: 'search', displayName: 'Web search', icon: 'Globe', args: { q: 'x' } }, 0).message;
    message = applyReplyMessage(message, { type: 'chat.tool-result', ...base, seq: 3, toolCallId: 't1', status: 'completed', result: 'ok' }, 0).message;
    expect(message.toolCalls).toEqual([{ id: 't1', name: 'search', displayName: 'Web search', args: { q: 'x' }, status: 'completed', result: 'ok' }]);
  });
});

describe('applyReplyToStore', () => {
  const conversation: Conversation = {
    id: 'c1', title: defaultConversationTitle, modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: 'a1',
  };
  const onGap = vi.fn();

  beforeEach(() => {
    vi.useFakeTimers();
    resetChatStore();
    upsertConversationInStore(conversation);
    setConversationMessagesInStore('c1', [assistantMessage()]);
    setGapHandler(onGap);
  });
  afterEach(() => {
    vi.useRealTimers();
    onGap.mockReset();
  });

  it('applies a stream replayed after a resume once, ignoring the duplicates', () => {
    for (const incoming of stream.slice(0, 3)) applyReplyToStore(incoming);
    // The socket dropped; the resume replays from seq 2 and goes on.
    for (const incoming of stream.slice(1)) applyReplyToStore(incoming);
    expect(findMessage('c1', 'a1')).toMatchObject({ content: 'Hello, world', status: 'done', lastSeq: 5 });
    expect(onGap).not.toHaveBeenCalled();
  });

  it('asks once for a resume from the last applied seq when a gap appears, then applies the replay', () => {
    applyReplyToStore(stream[0]!);
    applyReplyToStore(stream[2]!);
    applyReplyToStore(stream[3]!);
    expect(onGap).toHaveBeenCalledTimes(1);
    expect(onGap.mock.calls[0]?.[0]).toMatchObject({ id: 'a1', lastSeq: 1 });
    expect(findMessage('c1', 'a1')?.content).toBe('');
    for (const incoming of stream.slice(1)) applyReplyToStore(incoming);
    expect(findMessage('c1', 'a1')).toMatchObject({ content: 'Hello, world', status: 'done' });
  });

  it('keeps the partial text when the resume buffer expired, and names the chat from chat.title', () => {
    applyReplyToStore(stream[0]!);
    applyReplyToStore(stream[2]!);
    applyReplyToStore({ type: 'chat.error', ...base, seq: 1, code: 'resume_not_found', message: 'Expired', retryable: false });
    expect(findMessage('c1', 'a1')).toMatchObject({ status: 'error', content: '', error: { code: 'resume_not_found', retryable: true } });

    setConversationMessagesInStore('c1', [assistantMessage({ lastSeq: 5, status: 'done' })]);
    applyReplyToStore({ type: 'chat.title', ...base, seq: 6, title: 'Greetings' });
    expect(findConversation('c1')?.title).toBe('Greetings');
  });

  it('names the chat without the markdown a model may put around its title', () => {
    expect(cleanTitle('## Release checklist')).toBe('Release checklist');
    expect(cleanTitle('**"Trip to Lisbon".**')).toBe('Trip to Lisbon');
    expect(cleanTitle('- `npm` install woes\nand more')).toBe('npm install woes');
    expect(cleanTitle('  ##  ')).toBe('');
    expect(cleanTitle('Release checklist Before shipping, check these: -')).toBe('Release checklist Before shipping, check these');
    setConversationMessagesInStore('c1', [assistantMessage({ lastSeq: 5, status: 'done' })]);
    applyReplyToStore({ type: 'chat.title', ...base, seq: 6, title: '# **Greetings**' });
    expect(findConversation('c1')?.title).toBe('Greetings');
  });
});
