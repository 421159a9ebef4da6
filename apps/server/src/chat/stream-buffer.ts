import type { ChatServerMessage } from '@claraverse/shared';

/** A reply message as kept for replay (every chat message except `pong` carries a seq). */
export type ReplyMessage = Exclude<ChatServerMessage, { type: 'pong' }>;

type Listener = (message: ReplyMessage) => void;

/** Room for a message's envelope (type, ids, seq) when sizing it without serialising it. */
const envelopeChars = 160;

/** Approximate size of a message (its JSON length): deltas by their text, which is nearly all of it. */
function sizeOf(message: ReplyMessage): number {
  if (message.type === 'chat.text-delta' || message.type === 'chat.reasoning-delta') return message.delta.length + envelopeChars;
  return JSON.stringify(message).length;
}

interface ReplyBuffer {
  userId: string;
  conversationId: string;
  messageId: string;
  messages: ReplyMessage[];
  bytes: number;
  isTruncated: boolean;
  /** Seq of the last message appended, stored or not. */
  lastSeq: number;
  isComplete: boolean;
  listeners: Set<Listener>;
  expiresAt: number;
}

/**
 * Keeps every message of each running or recently finished reply so a client that lost its socket can resume
 * from the last seq it applied, then keep receiving live messages. In memory (single machine); replies stay for
 * `ttlMs` after they end, up to `maxBytes` each (older content is then not replayable: resume fails cleanly).
 */
export function createStreamBuffer(options: { ttlMs: number; maxBytes: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const buffers = new Map<string, ReplyBuffer>();
  const keyOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const sweep = setInterval(() => {
    const time = now();
    for (const [key, buffer] of buffers) if (buffer.isComplete && buffer.expiresAt <= time) buffers.delete(key);
  }, 30_000);
  sweep.unref();

  return {
    /** Starts the buffer of a new reply, replacing any finished one of the conversation. */
    open(userId: string, conversationId: string, messageId: string): void {
      buffers.set(keyOf(userId, conversationId), {
        userId, conversationId, messageId, messages: [], bytes: 0, isTruncated: false, lastSeq: 0, isComplete: false, listeners: new Set(), expiresAt: Number.POSITIVE_INFINITY,
      });
    },

    /** True while a reply of the conversation is still being produced. */
    isRunning(userId: string, conversationId: string): boolean {
      const buffer = buffers.get(keyOf(userId, conversationId));
      return buffer !== undefined && !buffer.isComplete;
    },

    /** Records a message and hands it to every live listener. */
    append(userId: string, conversationId: string, message: ReplyMessage): void {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (!buffer) return;
      buffer.lastSeq = message.seq;
      const size = sizeOf(message);
      if (buffer.bytes + size > options.maxBytes) buffer.isTruncated = true;
      else {
        buffer.messages.push(message);
        buffer.bytes += size;
      }
      for (const listener of buffer.listeners) listener(message);
    },

    /** Marks the reply finished; it stays replayable for the TTL. */
    complete(userId: string, conversationId: string): void {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (!buffer) return;
      buffer.isComplete = true;
      buffer.expiresAt = now() + options.ttlMs;
      buffer.listeners.clear();
    },

    /** Adds a live listener; returns the function that removes it. */
    subscribe(userId: string, conversationId: string, listener: Listener): () => void {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (!buffer || buffer.isComplete) return () => undefined;
      buffer.listeners.add(listener);
      return () => buffer.listeners.delete(listener);
    },

    /**
     * Messages after `afterSeq` of the reply `messageId` of this user's conversation, and whether it is still
     * running; null when there is nothing to resume (unknown, expired, another user's, or truncated past afterSeq).
     */
    replay(userId: string, conversationId: string, messageId: string, afterSeq: number): { messages: ReplyMessage[]; isRunning: boolean } | null {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (!buffer || buffer.messageId !== messageId) return null;
      if (buffer.isComplete && buffer.expiresAt <= now()) {
        buffers.delete(keyOf(userId, conversationId));
        return null;
      }
      // Once over the size cap, later messages were delivered live but not kept: they cannot be replayed.
      if (buffer.isTruncated && afterSeq < buffer.lastSeq) return null;
      return { messages: buffer.messages.filter((message) => message.seq > afterSeq), isRunning: !buffer.isComplete };
    },

    /** Number of replies of a user still running. */
    runningCount(userId: string): number {
      let count = 0;
      for (const buffer of buffers.values()) if (buffer.userId === userId && !buffer.isComplete) count += 1;
      return count;
    },

    close(): void {
      clearInterval(sweep);
      buffers.clear();
    },
  };
}
export type StreamBuffer = ReturnType<typeof createStreamBuffer>;
