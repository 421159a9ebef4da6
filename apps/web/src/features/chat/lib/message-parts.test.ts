import { describe, expect, it } from 'vitest';
import type { ChatPrompt, ToolCall } from './chat-types';
import { messageParts } from './message-parts';

function call(id: string, contentOffset?: number, name = 'search_web'): ToolCall {
  return { id, name, displayName: id, args: {}, status: 'completed', result: null, ...(contentOffset === undefined ? {} : { contentOffset }) };
}

function prompt(id: string, toolCallId: string | null, contentOffset: number): ChatPrompt {
  return { id, title: id, questions: [], allowSkip: true, expiresAt: '2030-01-01T00:00:00Z', toolCallId, contentOffset, status: 'waiting' };
}

const summary = (parts: ReturnType<typeof messageParts>) =>
  parts.map((part) => (part.type === 'text' ? `text:${part.text}` : part.type === 'tools' ? `tools:${part.toolCalls.map((entry) => entry.id).join(',')}` : `prompt:${part.prompt.id}`));

describe('messageParts', () => {
  it('puts each step’s tool calls where they arrived in the text', () => {
    const parts = messageParts({ content: 'Searching. Found two pages. Done.', toolCalls: [call('a', 11), call('b', 11), call('c', 28)] });
    expect(summary(parts)).toEqual(['text:Searching. ', 'tools:a,b', 'text:Found two pages. ', 'tools:c', 'text:Done.']);
  });

  it('shows calls stored without a position first, as before', () => {
    expect(summary(messageParts({ content: 'Answer', toolCalls: [call('old')] }))).toEqual(['tools:old', 'text:Answer']);
  });

  it('puts a form right after the ask_user card that showed it, before the next step’s calls', () => {
    const parts = messageParts({
      content: 'Thanks!',
      toolCalls: [call('ask', 0, 'ask_user'), call('next', 0)],
      prompts: [prompt('form', 'ask', 0)],
    });
    expect(summary(parts)).toEqual(['tools:ask', 'prompt:form', 'tools:next', 'text:Thanks!']);
    // Keys stay unique when two tool lists share a position.
    const keys = parts.map((part) => part.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps positions inside the text and skips blank pieces', () => {
    const parts = messageParts({ content: 'Hi\n\n', toolCalls: [call('x', 99)], prompts: [prompt('orphan', null, 2)] });
    expect(summary(parts)).toEqual(['text:Hi', 'prompt:orphan', 'tools:x']);
  });
});
