import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRedisPubSub, type RedisPubSub } from '../platform/redis/redis-pubsub.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '../test/redis-test-keys.js';
import { createRedisStreamBuffer } from './redis-stream-buffer.js';
import { createMemoryStreamBuffer, type ReplyMessage, type StreamBuffer } from './stream-buffer.js';

interface Limits {
  ttlMs: number;
  maxBytes: number;
}

/** Two instances of one deployment (the memory buffer has one: both names point at it) and a way to let time pass. */
interface Deployment {
  first: StreamBuffer;
  second: StreamBuffer;
  /** Lets `ms` pass: the memory buffer's injected clock, Redis's own clock (really waits). */
  advance(ms: number): Promise<void>;
}

const text = (messageId: string, seq: number, delta = `w${seq} `): ReplyMessage => ({ type: 'chat.text-delta', conversationId: 'c', messageId, seq, delta });

/** Collects what a resume delivers. */
function collector() {
  const messages: ReplyMessage[] = [];
  return { messages, listener: (message: ReplyMessage) => void messages.push(message), seqs: () => messages.map((message) => message.seq) };
}

function behavesLikeAStreamBuffer(name: string, deploy: (limits: Limits) => Deployment) {
  describe(name, () => {
    const { first, second } = deploy({ ttlMs: 120_000, maxBytes: 10 * 1024 * 1024 });

    it('lets one reply run per conversation and counts every instance’s replies against the user’s limit', async () => {
      const user = randomUUID();
      expect(await first.open(user, 'a', 'm1', 2)).toBe('opened');
      expect(await second.open(user, 'a', 'm2', 2)).toBe('busy');
      expect(await second.open(user, 'b', 'm3', 2)).toBe('opened');
      expect(await first.open(user, 'c', 'm4', 2)).toBe('too_many');
      expect(await first.open(randomUUID(), 'c', 'm5', 2)).toBe('opened');
      await first.complete(user, 'a');
      expect(await second.open(user, 'c', 'm6', 2)).toBe('opened');
      // A finished reply's conversation takes a new reply, which replaces the old buffer.
      await second.complete(user, 'b');
      expect(await first.open(user, 'a', 'm7', 3)).toBe('opened');
      expect(await second.resume(user, 'a', 'm1', 0, () => undefined)).toBeNull();
    });

    it('replays after a seq, then delivers live messages exactly once in seq order until the reply ends', async () => {
      const user = randomUUID();
      await first.open(user, 'c', 'm', 5);
      const origin = collector();
      first.subscribe(user, 'c', origin.listener);
      for (let seq = 1; seq <= 5; seq += 1) first.append(user, 'c', text('m', seq));
      const resumed = collector();
      // Messages appended while the resume is still replaying must neither be lost nor repeated.
      const pending = second.resume(user, 'c', 'm', 2, resumed.listener);
      for (let seq = 6; seq <= 8; seq += 1) first.append(user, 'c', text('m', seq));
      const stop = await pending;
      expect(stop).not.toBeNull();
      first.append(user, 'c', text('m', 9));
      await vi.waitFor(() => expect(resumed.seqs()).toEqual([3, 4, 5, 6, 7, 8, 9]));
      await first.complete(user, 'c');
      first.append(user, 'c', text('m', 10));
      expect(origin.seqs()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

      const late = collector();
      await second.resume(user, 'c', 'm', 7, late.listener);
      expect(late.messages).toEqual([text('m', 8), text('m', 9)]);
      expect(resumed.seqs()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    });

    it('stops delivering to a resume that was ended', async () => {
      const user = randomUUID();
      await first.open(user, 'c', 'm', 5);
      first.append(user, 'c', text('m', 1));
      const resumed = collector();
      const stop = await second.resume(user, 'c', 'm', 0, resumed.listener);
      await vi.waitFor(() => expect(resumed.seqs()).toEqual([1]));
      stop?.();
      first.append(user, 'c', text('m', 2));
      await first.complete(user, 'c');
      const check = collector();
      await second.resume(user, 'c', 'm', 0, check.listener);
      expect(check.seqs()).toEqual([1, 2]);
      expect(resumed.seqs()).toEqual([1]);
    });

    it('resumes nothing for another user, another message id or an unknown conversation', async () => {
      const user = randomUUID();
      await first.open(user, 'c', 'm', 5);
      first.append(user, 'c', text('m', 1));
      expect(await second.resume(randomUUID(), 'c', 'm', 0, () => undefined)).toBeNull();
      expect(await second.resume(user, 'c', 'other', 0, () => undefined)).toBeNull();
      expect(await second.resume(user, 'nothing', 'm', 0, () => undefined)).toBeNull();
      await first.complete(user, 'c');
    });

    it('forgets a finished reply after the TTL', async () => {
      const short = deploy({ ttlMs: 1_000, maxBytes: 1_000_000 });
      const user = randomUUID();
      await short.first.open(user, 'c', 'm', 5);
      short.first.append(user, 'c', text('m', 1));
      await short.first.complete(user, 'c');
      expect(await short.second.resume(user, 'c', 'm', 0, () => undefined)).not.toBeNull();
      await short.advance(1_500);
      expect(await short.second.resume(user, 'c', 'm', 0, () => undefined)).toBeNull();
    });

    it('keeps at most maxBytes of a reply: past the cap, resuming from before it fails cleanly', async () => {
      const capped = deploy({ ttlMs: 120_000, maxBytes: 1_000 });
      const user = randomUUID();
      await capped.first.open(user, 'c', 'm', 5);
      const live = collector();
      capped.first.subscribe(user, 'c', live.listener);
      capped.first.append(user, 'c', text('m', 1, 'x'.repeat(500)));
      capped.first.append(user, 'c', text('m', 2, 'y'.repeat(500)));
      capped.first.append(user, 'c', text('m', 3, 'z'));
      // Every message still went out live.
      expect(live.seqs()).toEqual([1, 2, 3]);
      expect(await capped.second.resume(user, 'c', 'm', 0, () => undefined)).toBeNull();
      const caughtUp = collector();
      expect(await capped.second.resume(user, 'c', 'm', 3, caughtUp.listener)).not.toBeNull();
      capped.first.append(user, 'c', text('m', 4));
      await vi.waitFor(() => expect(caughtUp.seqs()).toEqual([4]));
      await capped.first.complete(user, 'c');
    });
  });
}

behavesLikeAStreamBuffer('memory stream buffer', (limits) => {
  let time = 1_000_000;
  const buffer = createMemoryStreamBuffer({ ...limits, now: () => time });
  return {
    first: buffer,
    second: buffer,
    advance: (ms) => {
      time += ms;
      return Promise.resolve();
    },
  };
});

describe.sequential('redis stream buffer', () => {
  const prefix = uniqueRedisPrefix('stream-buffer-test');
  const { logger } = createCapturingLogger();
  const connections: RedisPubSub[] = [];
  const instance = (options: Limits & { leaseMs?: number }) => {
    const redis = createRedisPubSub(testRedisUrl, logger);
    connections.push(redis);
    return createRedisStreamBuffer({ redis, prefix, logger, ...options });
  };
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
    await deleteRedisKeys(testRedisUrl, prefix);
  });

  behavesLikeAStreamBuffer('two instances over one Redis', (limits) => ({
    first: instance(limits),
    second: instance(limits),
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  it('keeps a finished reply for the TTL only, and never keeps a running one without an expiry', async () => {
    const buffer = instance({ ttlMs: 120_000, maxBytes: 1_000_000 });
    const user = randomUUID();
    await buffer.open(user, 'c', 'm', 5);
    buffer.append(user, 'c', text('m', 1));
    const probe = connections[0]?.commands;
    const keys = [`${prefix}{${user}}:reply:c`, `${prefix}{${user}}:log:c:m`, `${prefix}{${user}}:running`];
    await vi.waitFor(async () => expect(await probe?.exists(...keys)).toBe(3));
    for (const key of keys) expect(await probe?.pttl(key)).toBeGreaterThan(0);
    await buffer.complete(user, 'c');
    for (const key of keys.slice(0, 2)) {
      const ttl = await probe?.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
  });

  it('frees the conversation of an instance that died mid-reply once its lease lapses; the replay then says it has ended', async () => {
    const limits = { ttlMs: 120_000, maxBytes: 1_000_000, leaseMs: 1_000 };
    const dying = instance(limits);
    const survivor = instance(limits);
    const user = randomUUID();
    expect(await dying.open(user, 'c', 'm', 1)).toBe('opened');
    dying.append(user, 'c', text('m', 1));
    // While its instance renews the lease (every third of it), the reply holds the conversation and the user's only slot.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await survivor.open(user, 'c', 'other', 1)).toBe('busy');
    expect(await survivor.open(user, 'd', 'other', 1)).toBe('too_many');
    await dying.close();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const resumed = collector();
    const stop = await survivor.resume(user, 'c', 'm', 0, resumed.listener);
    expect(resumed.seqs()).toEqual([1]);
    stop?.();
    expect(await survivor.open(user, 'c', 'other', 1)).toBe('opened');
    await survivor.complete(user, 'c');
  });
});
