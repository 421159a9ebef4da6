import type { ChatServerMessage } from '@claraverse/shared';
import type { ChatMessage } from '../lib/chat-types';

/** Server messages that belong to one reply (they carry `conversationId`, `messageId` and `seq`). */
export type ReplyMessage = Exclude<ChatServerMessage, { type: 'pong' }>;

export type ReplyOutcome =
  /** Applied in order. */
  | 'applied'
  /** Already applied (replayed after a resume): ignored. */
  | 'duplicate'
  /** One or more earlier messages are missing: not applied; ask for a resume from `lastSeq`. */
  | 'gap';

export interface ReplySideEffects {
  title?: string;
  compaction?: { status: 'started' | 'summarizing' | 'completed'; progress: number; summary?: string };
}

export interface ReplyResult {
  message: ChatMessage;
  outcome: ReplyOutcome;
  effects: ReplySideEffects;
}

/**
 * Applies one reply message to the assistant message it fills. Pure: returns a new message, or the same object
 * when nothing changed. Messages are applied strictly in `seq` order; see {@link ReplyOutcome}.
 * `now` is epoch milliseconds (used to time the reasoning).
 */
export function applyReplyMessage(current: ChatMessage, incoming: ReplyMessage, now: number): ReplyResult {
  if (incoming.seq <= current.lastSeq) return { message: current, outcome: 'duplicate', effects: {} };
  if (incoming.seq > current.lastSeq + 1) return { message: current, outcome: 'gap', effects: {} };
  const next: ChatMessage = { ...current, lastSeq: incoming.seq };
  const effects: ReplySideEffects = {};
  const endReasoning = () => {
    if (next.reasoning && next.reasoningDurationMilliseconds === null) {
      next.reasoningDurationMilliseconds = Math.max(0, now - next.createdAt);
    }
  };
  switch (incoming.type) {
    case 'chat.start':
      next.status = 'streaming';
      next.modelId = incoming.modelId;
      break;
    case 'chat.text-delta':
      endReasoning();
      next.status = 'streaming';
      next.content = current.content + incoming.delta;
      break;
    case 'chat.reasoning-delta':
      next.status = 'streaming';
      next.reasoning = current.reasoning + incoming.delta;
      break;
    case 'chat.tool-call':
      next.toolCalls = [
        ...current.toolCalls,
        {
          id: incoming.toolCallId,
          name: incoming.toolName,
          displayName: incoming.displayName,
          args: incoming.args,
          status: 'executing',
          result: null,
        },
      ];
      break;
    case 'chat.tool-result':
      next.toolCalls = current.toolCalls.map((call) =>
        call.id === incoming.toolCallId ? { ...call, status: incoming.status, result: incoming.result } : call,
      );
      break;
    case 'chat.finish':
      endReasoning();
      next.status = incoming.finishReason === 'stopped' ? 'stopped' : incoming.finishReason === 'error' ? 'error' : 'done';
      break;
    case 'chat.error':
      endReasoning();
      next.status = 'error';
      next.error = { code: incoming.code, message: incoming.message, retryable: incoming.retryable };
      break;
    case 'chat.title':
      effects.title = incoming.title;
      break;
    case 'chat.compaction':
      effects.compaction = {
        status: incoming.status,
        progress: incoming.progress,
        ...(incoming.summary === undefined ? {} : { summary: incoming.summary }),
      };
      break;
  }
  return { message: next, outcome: 'applied', effects };
}

/** True while the server may still send text for this message. */
export function isMessageInFlight(message: Pick<ChatMessage, 'status'>): boolean {
  return message.status === 'sending' || message.status === 'streaming';
}
