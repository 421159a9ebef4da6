import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubObjectUrls } from '../../../test/object-urls';
import type { ChatMessage, Conversation } from '../lib/chat-types';
import { applyReplyToStore, cleanTitle, defaultConversationTitle, setGapHandler } from './apply-reply';
import { chatDatabaseName, openChatDatabase } from './chat-database';
import { createChatRepository } from './chat-repository';
import { findConversation, findMessage, resetChatStore, setConversationMessagesInStore, upsertConversationInStore, useChatStore } from './chat-store';
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
    expect(message.toolCalls).toEqual([
      { id: 't1', name: 'search', displayName: 'Web search', icon: 'Globe', args: { q: 'x' }, status: 'completed', result: 'ok', contentOffset: 0 },
    ]);
  });

  it('remembers where in the text each tool call arrived', () => {
    let message = assistantMessage({ lastSeq: 1, status: 'streaming', content: 'Let me look. ' });
    message = applyReplyMessage(message, { type: 'chat.tool-call', ...base, seq: 2, toolCallId: 't1', toolName: 'search_web', displayName: 'Search', icon: 'Search', args: {} }, 0).message;
    message = applyReplyMessage(message, { type: 'chat.text-delta', ...base, seq: 3, delta: 'Found it.' }, 0).message;
    message = applyReplyMessage(message, { type: 'chat.tool-call', ...base, seq: 4, toolCallId: 't2', toolName: 'run_python', displayName: 'Python', icon: 'Code', args: {} }, 0).message;
    expect(message.toolCalls.map((call) => call.contentOffset)).toEqual([13, 22]);
  });

  it('keeps a tool’s images as references and hands their bytes on, leaving other plots on the card', () => {
    let message = assistantMessage({ lastSeq: 1, status: 'streaming' });
    message = applyReplyMessage(message, { type: 'chat.tool-call', ...base, seq: 2, toolCallId: 't1', toolName: 'generate_image', displayName: 'Generate Image', icon: 'ImagePlus', args: { prompt: 'a fox' } }, 0).message;
    const result = applyReplyMessage(
      message,
      {
        type: 'chat.tool-result', ...base, seq: 3, toolCallId: 't1', status: 'completed', result: { ok: true },
        plots: [{ format: 'png', data: 'aW1hZ2Ux' }, { format: 'png', data: 'cGxvdA==' }],
        images: [{ handle: 'img-4', fileId: 'f4', mimeType: 'image/png' }],
      },
      0,
    );
    expect(result.message.toolCalls[0]).toMatchObject({
      status: 'completed',
      images: [{ handle: 'img-4', fileId: 'f4', mimeType: 'image/png' }],
      plots: [{ format: 'png', data: 'cGxvdA==' }],
    });
    expect(result.effects.images).toEqual([{ handle: 'img-4', fileId: 'f4', mimeType: 'image/png', data: 'aW1hZ2Ux' }]);

    // A figure without images (run_python) stays a plot; nothing goes to the image store.
    const plotOnly = applyReplyMessage(message, { type: 'chat.tool-result', ...base, seq: 3, toolCallId: 't1', status: 'completed', result: {}, plots: [{ format: 'svg', data: 'PHN2Zy8+' }] }, 0);
    expect(plotOnly.message.toolCalls[0]?.plots).toEqual([{ format: 'svg', data: 'PHN2Zy8+' }]);
    expect(plotOnly.message.toolCalls[0]?.images).toBeUndefined();
    expect(plotOnly.effects.images).toBeUndefined();
  });

  it('adds an ask_user form tied to its call, and closes it with the call’s result if it still waits', () => {
    let message = assistantMessage({ lastSeq: 1, status: 'streaming', content: 'One question first.' });
    message = applyReplyMessage(message, { type: 'chat.tool-call', ...base, seq: 2, toolCallId: 'ask-1', toolName: 'ask_user', displayName: 'Ask User Questions', icon: 'MessageCircleQuestion', args: {} }, 0).message;
    const request: ReplyMessage = {
      type: 'prompt.request', ...base, seq: 3, promptId: 'p1', title: 'Trip details', questions: [{ id: 'city', label: 'City', type: 'text', required: true }],
      allowSkip: true, expiresAt: '2030-01-01T00:05:00.000Z',
    };
    message = applyReplyMessage(message, request, 0).message;
    expect(message.prompts).toEqual([
      {
        id: 'p1', title: 'Trip details', questions: [{ id: 'city', label: 'City', type: 'text', required: true }], allowSkip: true,
        expiresAt: '2030-01-01T00:05:00.000Z', toolCallId: 'ask-1', contentOffset: 19, status: 'waiting',
      },
    ]);
    // Replayed after a resume: not added twice.
    expect(applyReplyMessage(message, request, 0).outcome).toBe('duplicate');

    const timedOut = applyReplyMessage(message, { type: 'chat.tool-result', ...base, seq: 4, toolCallId: 'ask-1', status: 'completed', result: { status: 'timeout', message: '…' } }, 0);
    expect(timedOut.message.prompts?.[0]?.status).toBe('expired');
    const answeredElsewhere = applyReplyMessage(message, { type: 'chat.tool-result', ...base, seq: 4, toolCallId: 'ask-1', status: 'completed', result: { status: 'answered' } }, 0);
    expect(answeredElsewhere.message.prompts?.[0]?.status).toBe('answered');
    // Answered here first: the result does not change what the form shows.
    const answeredHere = { ...message, prompts: message.prompts?.map((prompt) => ({ ...prompt, status: 'skipped' as const })) };
    expect(applyReplyMessage(answeredHere, { type: 'chat.tool-result', ...base, seq: 4, toolCallId: 'ask-1', status: 'completed', result: { status: 'timeout' } }, 0).message.prompts?.[0]?.status).toBe('skipped');
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

  it('keeps the images of a tool result in the browser database, once, however often the result is replayed', async () => {
    const name = chatDatabaseName(`images-${crypto.randomUUID()}`);
    const database = openChatDatabase(name);
    useChatStore.setState({ repository: createChatRepository(database) });
    const objectUrls = stubObjectUrls();
    vi.useRealTimers();
    setConversationMessagesInStore('c1', [assistantMessage({ lastSeq: 1, status: 'streaming' })]);
    applyReplyToStore({ type: 'chat.tool-call', ...base, seq: 2, toolCallId: 't1', toolName: 'generate_image', displayName: 'Generate Image', icon: 'ImagePlus', args: {} });
    const result: ReplyMessage = {
      type: 'chat.tool-result', ...base, seq: 3, toolCallId: 't1', status: 'completed', result: { ok: true },
      plots: [{ format: 'png', data: btoa('PNG bytes') }], images: [{ handle: 'img-1', fileId: 'file-1', mimeType: 'image/png' }],
    };
    applyReplyToStore(result);
    applyReplyToStore(result);

    await expect.poll(() => database.images.count()).toBe(1);
    const stored = await database.images.get('file-1');
    expect(stored).toMatchObject({ handle: 'img-1', conversationId: 'c1', messageId: 'a1', mimeType: 'image/png' });
    expect(new TextDecoder().decode(stored?.bytes)).toBe('PNG bytes');
    expect(findMessage('c1', 'a1')?.toolCalls[0]?.images).toEqual([{ handle: 'img-1', fileId: 'file-1', mimeType: 'image/png' }]);
    database.close();
    await Dexie.delete(name);
    objectUrls.restore();
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
