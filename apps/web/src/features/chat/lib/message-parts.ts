import type { ChatMessage, ChatPrompt, ToolCall } from './chat-types';

/** A piece of an assistant message, in the order it streamed: text, the tool cards of one step, a form. */
export type MessagePart =
  | { type: 'text'; key: string; text: string }
  | { type: 'tools'; key: string; offset: number; toolCalls: ToolCall[] }
  | { type: 'prompt'; key: string; prompt: ChatPrompt };

interface Anchor {
  offset: number;
  /** Arrival order; a form sorts just after the call that showed it. */
  order: number;
  toolCall?: ToolCall;
  prompt?: ChatPrompt;
}

/**
 * Splits a reply at the points where tool calls and forms arrived (the text length then), so that they show where
 * they happened. Calls stored before these points were kept come first, as they used to. Consecutive calls at one
 * point form one list; a form follows the `ask_user` card that showed it.
 */
export function messageParts(message: Pick<ChatMessage, 'content' | 'toolCalls' | 'prompts'>): MessagePart[] {
  const length = message.content.length;
  const clamp = (offset: number | undefined) => Math.min(Math.max(offset ?? 0, 0), length);
  const anchors: Anchor[] = message.toolCalls.map((toolCall, index) => ({ offset: clamp(toolCall.contentOffset), order: index, toolCall }));
  (message.prompts ?? []).forEach((prompt, index) => {
    const callIndex = message.toolCalls.findIndex((toolCall) => toolCall.id === prompt.toolCallId);
    const order = callIndex >= 0 ? callIndex + 0.5 : message.toolCalls.length + index;
    anchors.push({ offset: clamp(prompt.contentOffset), order, prompt });
  });
  anchors.sort((left, right) => left.offset - right.offset || left.order - right.order);

  const parts: MessagePart[] = [];
  let position = 0;
  const pushText = (end: number) => {
    const text = message.content.slice(position, end);
    if (text.trim()) parts.push({ type: 'text', key: `text-${position}`, text });
    position = end;
  };
  for (const anchor of anchors) {
    if (anchor.offset > position) pushText(anchor.offset);
    const last = parts.at(-1);
    if (anchor.toolCall) {
      if (last?.type === 'tools' && last.offset === anchor.offset) last.toolCalls.push(anchor.toolCall);
      else parts.push({ type: 'tools', key: `tools-${anchor.toolCall.id}`, offset: anchor.offset, toolCalls: [anchor.toolCall] });
    } else if (anchor.prompt) {
      parts.push({ type: 'prompt', key: `prompt-${anchor.prompt.id}`, prompt: anchor.prompt });
    }
  }
  pushText(length);
  return parts;
}
