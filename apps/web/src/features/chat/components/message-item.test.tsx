import type { ChatClientMessage } from '@claraverse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { ChatMessage } from '../lib/chat-types';
import { findMessage, resetChatStore, setConversationMessagesInStore } from '../stores/chat-store';
import { MessageItem } from './message-item';

const sent: ChatClientMessage[] = [];
vi.mock('../stores/chat-connection', () => ({
  sendChatMessage: (message: ChatClientMessage) => sent.push(message),
  requestResume: vi.fn(),
  chatClient: () => ({ getState: () => 'connected', send: (message: ChatClientMessage) => sent.push(message) }),
}));

function message(overrides: Partial<ChatMessage>): ChatMessage {
  return {
    id: 'a1', conversationId: 'c1', role: 'assistant', content: '', reasoning: '', status: 'streaming', error: null, createdAt: 1,
    versionGroupId: 'a1', versionNumber: 1, parentId: 'u1', toolCalls: [], modelId: null, retryType: null, lastSeq: 3,
    reasoningDurationMilliseconds: null, ...overrides,
  };
}

function renderMessage(shown: ChatMessage) {
  return renderWithProviders(<MessageItem message={shown} versionNumber={1} versionCount={1} modelId="model-a" isConversationBusy={false} />);
}

beforeEach(() => {
  sent.length = 0;
  resetChatStore();
  vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/models': () => jsonResponse({ models: [] }) }).fetch);
});
afterEach(() => vi.unstubAllGlobals());

describe('MessageItem', () => {
  it('shows a reply’s text, tool cards and form in the order they streamed, and sends the form’s answers', async () => {
    const user = userEvent.setup();
    const reply = message({
      content: 'Let me ask you first.Thanks, booking now.',
      toolCalls: [{ id: 'ask', name: 'ask_user', displayName: 'Ask User Questions', icon: 'MessageCircleQuestion', args: {}, status: 'executing', result: null, contentOffset: 21 }],
      prompts: [{
        id: 'p1', title: 'Trip details', questions: [{ id: 'city', label: 'City', type: 'text', required: true }], allowSkip: true,
        expiresAt: new Date(Date.now() + 60_000).toISOString(), toolCallId: 'ask', contentOffset: 21, status: 'waiting',
      }],
    });
    setConversationMessagesInStore('c1', [reply]);
    renderMessage(reply);

    const first = await screen.findByText('Let me ask you first.');
    const card = screen.getByRole('group', { name: 'Tool: Ask User Questions' });
    const form = screen.getByRole('form', { name: 'Trip details' });
    const last = screen.getByText('Thanks, booking now.');
    const follows = (earlier: Node, later: Node) => Boolean(earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(first, card) && follows(card, form) && follows(form, last)).toBe(true);

    await user.type(within(form).getByLabelText('City'), 'Porto');
    await user.click(within(form).getByRole('button', { name: 'Submit answers' }));
    expect(sent).toEqual([{ type: 'prompt.answer', conversationId: 'c1', promptId: 'p1', answers: { city: 'Porto' } }]);
    expect(findMessage('c1', 'a1')?.prompts?.[0]).toMatchObject({ status: 'answered', answers: { city: 'Porto' } });
  });

  it('shows the files of a user message: pictures as thumbnails, other files by name and size', () => {
    renderMessage(
      message({
        id: 'u1', role: 'user', status: 'done', content: 'Compare these',
        attachments: [
          { fileId: 'f1', filename: 'cat.png', mimeType: 'image/png', size: 2_000, thumbnailDataUrl: 'data:image/jpeg;base64,AAAA' },
          { fileId: 'f2', filename: 'prices.csv', mimeType: 'text/csv', size: 3_072 },
        ],
      }),
    );
    const files = within(screen.getByRole('list', { name: 'Attached files' }));
    expect(files.getByRole('img', { name: 'cat.png' }).getAttribute('src')).toBe('data:image/jpeg;base64,AAAA');
    expect(files.getByText('prices.csv')).toBeTruthy();
    expect(files.getByText('3 KB')).toBeTruthy();
    expect(screen.getByText('Compare these')).toBeTruthy();
  });
});
