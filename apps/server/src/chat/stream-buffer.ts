import type { ChatServerMessage } from '@claraverse/shared';

/** A reply message as kept for replay (every chat message except `pong` carries a seq). */
export type ReplyMessage = Exclude<ChatServerMessage, { type: 'pong' }>;

export type ReplyListener = (message: ReplyMessage) => void;

/** Whether a new reply could claim its conversation. */
export type OpenResult = 'opened' | 'busy' | 'too_many';

/**
 * Keeps every message of each running or recently finished reply so a client that lost its socket can resume
 * from the last seq it applied, then keep receiving live messages; it also knows which replies run, so "one
 * reply per conversation" and the per-user limit hold. In memory on a single machine, in Redis in scale-out
 * mode (then the limits and resume work across server instances). A reply stays for the TTL after it ends, up
 * to a byte cap (past the cap, content is no longer replayable: resume fails cleanly).
 */
export interface StreamBuffer {
  /**
   * Claims the conversation for reply `messageId`, replacing any finished reply there: `busy` when a reply of
   * the conversation still runs, `too_many` when the user already has `maxRunning` running.
   */
  open(userId: string, conversationId: string, messageId: string, maxRunning: number): Promise<OpenResult>;
  /** Records a message and hands it to every live listener. Called for every delta: never waits. */
  append(userId: string, conversationId: string, message: ReplyMessage): void;
  /** Marks the reply finished; it stays replayable for the TTL. */
  complete(userId: string, conversationId: string): Promise<void>;
  /** Adds a listener, in this process, to a reply opened here (the socket that sent it); returns its remover. */
  subscribe(userId: string, conversationId: string, listener: ReplyListener): () => void;
  /**
   * Delivers the messages after `afterSeq` of reply `messageId` of this user's conversation, then its live
   * messages while it runs: each exactly once, in seq order. Resolves with the function that stops the
   * delivery, or null when there is nothing to resume (unknown, expired, another user's, or truncated past
   * `afterSeq`).
   */
  resume(userId: string, conversationId: string, messageId: string, afterSeq: number, listener: ReplyListener): Promise<(() => void) | null>;
  close(): Promise<void>;
}

/** Room for a message's envelope (type, ids, seq) when sizing it without serialising it. */
const envelopeChars = 160;

/** Approximate size of a message (its JSON length): deltas by their text, which is nearly all of it. */
export function sizeOfReplyMessage(message: ReplyMessage): number {
  if (message.type === 'chat.text-delta' || message.type === 'chat.reasoning-delta') return message.delta.length + envelopeChars;
  return JSON.stringify(message).length;
}

/** Wraps `listener` so it gets each seq after `afterSeq` at most once, in increasing order. */
export function deliverOnceAfter(afterSeq: number, listener: ReplyListener): ReplyListener {
  let lastDelivered = afterSeq;
  return (message) => {
    if (message.seq <= lastDelivered) return;
    lastDelivered = message.seq;
    listener(message);
  };
}

interface ReplyBuffer {
  userId: string;
  messageId: string;
  messages: ReplyMessage[];
  bytes: number;
  /** Set once a message did not fit: nothing after it is kept, so kept messages are always seq 1…n. */
  isTruncated: boolean;
  /** Seq of the last message appended, stored or not. */
  lastSeq: number;
  isComplete: boolean;
  listeners: Set<ReplyListener>;
  expiresAt: number;
}

/** The single-machine stream buffer: a map in this process. */
export function createMemoryStreamBuffer(options: { ttlMs: number; maxBytes: number; now?: () => number }): StreamBuffer {
  const now = options.now ?? Date.now;
  const buffers = new Map<string, ReplyBuffer>();
  const keyOf = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const sweep = setInterval(() => {
    const time = now();
    for (const [key, buffer] of buffers) if (buffer.isComplete && buffer.expiresAt <= time) buffers.delete(key);
  }, 30_000);
  sweep.unref();

  const subscribe = (userId: string, conversationId: string, listener: ReplyListener) => {
    const buffer = buffers.get(keyOf(userId, conversationId));
    if (!buffer || buffer.isComplete) return () => undefined;
    buffer.listeners.add(listener);
    return () => void buffer.listeners.delete(listener);
  };

  return {
    open(userId, conversationId, messageId, maxRunning) {
      if (buffers.get(keyOf(userId, conversationId))?.isComplete === false) return Promise.resolve('busy');
      let running = 0;
      for (const buffer of buffers.values()) if (buffer.userId === userId && !buffer.isComplete) running += 1;
      if (running >= maxRunning) return Promise.resolve('too_many');
      buffers.set(keyOf(userId, conversationId), {
        userId, messageId, messages: [], bytes: 0, isTruncated: false, lastSeq: 0, isComplete: false, listeners: new Set(), expiresAt: Number.POSITIVE_INFINITY,
      });
      return Promise.resolve('opened');
    },

    append(userId, conversationId, message) {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (!buffer || buffer.isComplete) return;
      buffer.lastSeq = message.seq;
      if (!buffer.isTruncated) {
        const size = sizeOfReplyMessage(message);
        if (buffer.bytes + size > options.maxBytes) buffer.isTruncated = true;
        else {
          buffer.messages.push(message);
          buffer.bytes += size;
        }
      }
      for (const listener of buffer.listeners) listener(message);
    },

    complete(userId, conversationId) {
      const buffer = buffers.get(keyOf(userId, conversationId));
      if (buffer) {
        buffer.isComplete = true;
        buffer.expiresAt = now() + options.ttlMs;
        buffer.listeners.clear();
      }
      return Promise.resolve();
    },

    subscribe,

    resume(userId, conversationId, messageId, afterSeq, listener) {
      const key = keyOf(userId, conversationId);
      const buffer = buffers.get(key);
      if (!buffer || buffer.messageId !== messageId) return Promise.resolve(null);
      if (buffer.isComplete && buffer.expiresAt <= now()) {
        buffers.delete(key);
        return Promise.resolve(null);
      }
      // Once over the size cap, later messages were delivered live but not kept: they cannot be replayed.
      if (buffer.isTruncated && afterSeq < buffer.lastSeq) return Promise.resolve(null);
      const deliver = deliverOnceAfter(afterSeq, listener);
      const unsubscribe = subscribe(userId, conversationId, deliver);
      for (const message of buffer.messages) deliver(message);
      return Promise.resolve(unsubscribe);
    },

    close() {
      clearInterval(sweep);
      buffers.clear();
      return Promise.resolve();
    },
  };
}
