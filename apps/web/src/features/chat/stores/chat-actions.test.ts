import type { ChatClientMessage } from '@claraverse/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMessageTree, pathToLeaf, versionsOf } from '../lib/message-tree';
import { applyReplyToStore } from './apply-reply';
import {
  answerPrompt, editUserMessage, initializeChat, regenerateReply, sendUserMessage, setConversationToolsDisabled, switchToVersion,
} from './chat-actions';
import { findConversation, useChatStore } from './chat-store';
import { setConversationSystemPrompt } from './conversation-actions';

const sent: ChatClientMessage[] = [];
vi.mock('./chat-connection', () => ({
  sendChatMessage: (message: ChatClientMessage) => sent.push(message),
  requestResume: vi.fn(),
  chatClient: () => ({ getState: () => 'connected', send: (message: ChatClientMessage) => sent.push(message), connect: vi.fn() }),
}));

function lastSend() {
  const message = sent.at(-1);
  if (message?.type !== 'chat.send') throw new Error('no chat.send');
  return message;
}

function finishReply(text: string) {
  const { conversationId, messageId } = lastSend();
  applyReplyToStore({ type: 'chat.text-delta', conversationId, messageId, seq: 1, delta: text });
  applyReplyToStore({ type: 'chat.finish', conversationId, messageId, seq: 2, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } });
}

function visiblePath(conversationId: string) {
  const state = useChatStore.getState();
  const tree = buildMessageTree(Object.values(state.messagesByConversation[conversationId] ?? {}));
  return { tree, path: pathToLeaf(tree, findConversation(conversationId)?.activeLeafId ?? null) };
}

describe('chat actions', () => {
  beforeEach(async () => {
    sent.length = 0;
    await initializeChat(`user-${crypto.randomUUID()}`);
  });

  it('sends the branch with the system prompt, and regenerates as a new version with a hidden instruction', () => {
    const conversationId = sendUserMessage(null, 'What is 2+2?', 'model-a');
    setConversationSystemPrompt(conversationId, 'Answer in French.');
    expect(lastSend()).toMatchObject({ conversationId, modelId: 'model-a', messages: [{ role: 'user', content: 'What is 2+2?' }] });
    finishReply('4');

    sendUserMessage(conversationId, 'And 3+3?', 'model-a');
    expect(lastSend()).toMatchObject({
      systemPrompt: 'Answer in French.',
      messages: [
        { role: 'user', content: 'What is 2+2?' },
        { role: 'assistant', content: '4' },
        { role: 'user', content: 'And 3+3?' },
      ],
    });
    finishReply('6');
    const firstReplyId = visiblePath(conversationId).path.at(-1)?.id ?? '';

    regenerateReply(conversationId, firstReplyId, 'more-concise', 'model-b');
    const regenerated = lastSend();
    expect(regenerated.modelId).toBe('model-b');
    expect(regenerated.messages.at(-1)?.content).toMatch(/^\[Instruction: Answer more concisely.*\]\n\nAnd 3\+3\?$/s);
    finishReply('six');

    const { tree, path } = visiblePath(conversationId);
    const reply = path.at(-1);
    expect(reply).toMatchObject({ content: 'six', versionNumber: 2, retryType: 'more-concise' });
    expect(versionsOf(tree, reply!).map((version) => version.content)).toEqual(['6', 'six']);
    // The stored user message never contains the hidden instruction.
    expect(path.at(-2)?.content).toBe('And 3+3?');

    switchToVersion(conversationId, firstReplyId);
    expect(visiblePath(conversationId).path.at(-1)?.content).toBe('6');
  });

  it('edits a user message into a new branch, keeping the old branch reachable', () => {
    const conversationId = sendUserMessage(null, 'Name a colour', 'model-a');
    finishReply('Blue');
    const original = visiblePath(conversationId).path[0]!;

    editUserMessage(conversationId, original.id, 'Name a fruit', 'model-a');
    expect(lastSend().messages).toEqual([{ role: 'user', content: 'Name a fruit' }]);
    finishReply('Apple');

    const { tree, path } = visiblePath(conversationId);
    expect(path.map((message) => message.content)).toEqual(['Name a fruit', 'Apple']);
    expect(versionsOf(tree, path[0]!).map((message) => message.content)).toEqual(['Name a colour', 'Name a fruit']);

    switchToVersion(conversationId, original.id);
    expect(visiblePath(conversationId).path.map((message) => message.content)).toEqual(['Name a colour', 'Blue']);
  });

  it('stores the compaction summary and sends it as a system message instead of the messages it covers', () => {
    const conversationId = sendUserMessage(null, 'message 0', 'model-a');
    finishReply('reply 0');
    for (let index = 1; index < 12; index += 1) {
      sendUserMessage(conversationId, `message ${index}`, 'model-a');
      finishReply(`reply ${index}`);
    }
    const { conversationId: id, messageId } = lastSend();
    applyReplyToStore({ type: 'chat.compaction', conversationId: id, messageId, seq: 3, status: 'completed', progress: 100, summary: 'We counted.' });
    expect(findConversation(conversationId)?.summary).toBe('We counted.');

    sendUserMessage(conversationId, 'next', 'model-a');
    const messages = lastSend().messages;
    expect(messages[0]).toEqual({ role: 'system', content: expect.stringMatching(/^\[Conversation Context Summary – 3 earlier messages\]\nWe counted\.$/) });
    // Summary + the 20 kept of the 23 messages that were sent + the reply that carried the compaction + the new turn.
    expect(messages).toHaveLength(1 + 20 + 1 + 1);
    expect(messages[1]).toEqual({ role: 'assistant', content: 'reply 1' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'next' });
  });

  it('sends attachments on their user turn (also later and after an edit) and the chat’s image handles', () => {
    const report = { fileId: 'up-1', filename: 'report.pdf', mimeType: 'application/pdf', size: 2048 };
    const photo = { fileId: 'up-2', filename: 'cat.png', mimeType: 'image/png', size: 10, thumbnailDataUrl: 'data:image/jpeg;base64,AAAA' };
    const conversationId = sendUserMessage(null, 'Summarise this', 'model-a', { attachments: [report, photo] });
    expect(lastSend().messages).toEqual([
      {
        role: 'user', content: 'Summarise this',
        attachments: [
          { fileId: 'up-1', filename: 'report.pdf', mimeType: 'application/pdf' },
          { fileId: 'up-2', filename: 'cat.png', mimeType: 'image/png' },
        ],
      },
    ]);
    expect(lastSend().images).toBeUndefined();
    // The reply generates two images.
    const { messageId } = lastSend();
    applyReplyToStore({ type: 'chat.tool-call', conversationId, messageId, seq: 1, toolCallId: 't1', toolName: 'generate_image', displayName: 'Generate Image', icon: 'ImagePlus', args: {} });
    applyReplyToStore({
      type: 'chat.tool-result', conversationId, messageId, seq: 2, toolCallId: 't1', status: 'completed', result: {},
      images: [{ handle: 'img-2', fileId: 'gen-2', mimeType: 'image/png' }, { handle: 'img-1', fileId: 'gen-1', mimeType: 'image/png' }],
    });
    applyReplyToStore({ type: 'chat.finish', conversationId, messageId, seq: 3, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } });

    sendUserMessage(conversationId, 'Make it brighter', 'model-a');
    expect(lastSend().messages[0]?.attachments).toHaveLength(2);
    expect(lastSend().messages.at(-1)).toEqual({ role: 'user', content: 'Make it brighter' });
    expect(lastSend().images).toEqual([{ handle: 'img-1', fileId: 'gen-1' }, { handle: 'img-2', fileId: 'gen-2' }]);

    const firstUser = visiblePath(conversationId).path[0]!;
    editUserMessage(conversationId, firstUser.id, 'Summarise this briefly', 'model-a');
    expect(lastSend().messages).toEqual([{ role: 'user', content: 'Summarise this briefly', attachments: expect.any(Array) }]);
    expect(visiblePath(conversationId).path[0]?.attachments).toEqual([report, photo]);
  });

  it('sends disableTools while the chat has tools off, from its first message on', () => {
    const conversationId = sendUserMessage(null, 'No tools please', 'model-a', { isToolsDisabled: true });
    expect(findConversation(conversationId)?.isToolsDisabled).toBe(true);
    expect(lastSend().disableTools).toBe(true);
    finishReply('Fine');

    setConversationToolsDisabled(conversationId, false);
    sendUserMessage(conversationId, 'Now search', 'model-a');
    expect(lastSend().disableTools).toBeUndefined();
    finishReply('Searched');

    setConversationToolsDisabled(conversationId, true);
    regenerateReply(conversationId, visiblePath(conversationId).path.at(-1)!.id, 'regenerate', 'model-a');
    expect(lastSend().disableTools).toBe(true);
  });

  it('answers an ask_user form once, closing it, and skips another', () => {
    const conversationId = sendUserMessage(null, 'Plan a trip', 'model-a');
    const { messageId } = lastSend();
    const form = { conversationId, messageId, title: 'Trip', questions: [{ id: 'city', label: 'City', type: 'text' as const }], allowSkip: true, expiresAt: '2030-01-01T00:00:00.000Z' };
    applyReplyToStore({ type: 'prompt.request', ...form, seq: 1, promptId: 'p1' });
    applyReplyToStore({ type: 'prompt.request', ...form, seq: 2, promptId: 'p2' });

    answerPrompt(conversationId, messageId, 'p1', { answers: { city: 'Porto' } });
    answerPrompt(conversationId, messageId, 'p1', { answers: { city: 'Again' } });
    answerPrompt(conversationId, messageId, 'p2', { skipped: true });

    expect(sent.filter((message) => message.type === 'prompt.answer')).toEqual([
      { type: 'prompt.answer', conversationId, promptId: 'p1', answers: { city: 'Porto' } },
      { type: 'prompt.answer', conversationId, promptId: 'p2', skipped: true },
    ]);
    const prompts = useChatStore.getState().messagesByConversation[conversationId]?.[messageId]?.prompts;
    expect(prompts?.map((prompt) => [prompt.id, prompt.status, prompt.answers])).toEqual([
      ['p1', 'answered', { city: 'Porto' }],
      ['p2', 'skipped', undefined],
    ]);
  });
});
