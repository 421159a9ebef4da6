import type { Logger } from '../platform/logging/logger.js';
import type { RedisPubSub, RedisScript } from '../platform/redis/redis-pubsub.js';
import { deliverOnceAfter, sizeOfReplyMessage, type OpenResult, type ReplyListener, type ReplyMessage, type StreamBuffer } from './stream-buffer.js';

/*
 * Keys of one user share a hash tag, so each script touches one slot (Redis Cluster); ids are URI-encoded:
 *   {user}:running           sorted set: conversation → lease deadline (ms, Redis clock) of each running reply
 *   {user}:reply:<conv>      hash: messageId, state (running|complete); lastSeq once truncated
 *   {user}:log:<conv>:<msg>  list: the kept messages as JSON; index i holds seq i+1 (nothing is kept past the cap)
 * Channel live:<user>:<conv>:<msg> carries each message as it is appended, then `end`.
 * Only the instance running a reply writes it, so it counts the bytes itself and each append is a short script
 * (push, expiry, publish). It renews the reply's lease; if it dies, the lease lapses and the conversation is
 * free again (the buffer expires) without anyone cleaning up.
 */

const redisNow = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS running, reply · ARGV conversation, messageId, max running, lease ms, keep ms, prefix of the log keys
const openScript = `${redisNow}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'busy' end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 'too_many' end
local previous = redis.call('HGET', KEYS[2], 'messageId')
if previous then redis.call('DEL', ARGV[6] .. previous) end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], 'messageId', ARGV[2], 'state', 'running')
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 'opened'`;

// KEYS log · ARGV message JSON, keep ms, channel (the hot path: one call per coalesced delta)
const appendScript = `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[1])`;

// KEYS reply · ARGV messageId, seq, message JSON, channel: past the cap, only the last seq is recorded.
const appendUnkeptScript = `
if redis.call('HGET', KEYS[1], 'messageId') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'lastSeq', ARGV[2])
redis.call('PUBLISH', ARGV[4], ARGV[3])
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, ttl ms, channel
const completeScript = `
if redis.call('HGET', KEYS[2], 'messageId') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'state', 'complete')
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
redis.call('PUBLISH', ARGV[4], 'end')
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, lease ms, keep ms → 0 when the reply was lost
const renewScript = `${redisNow}
if redis.call('HGET', KEYS[2], 'messageId') ~= ARGV[2] or redis.call('HGET', KEYS[2], 'state') ~= 'running' then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, afterSeq → nil, or { isRunning, messages after afterSeq }
const replayScript = `${redisNow}
local reply = redis.call('HMGET', KEYS[2], 'messageId', 'state', 'lastSeq')
if reply[1] ~= ARGV[2] then return false end
local after = tonumber(ARGV[3])
if reply[3] and after < tonumber(reply[3]) then return false end
local running = 0
if reply[2] == 'running' then
  local lease = redis.call('ZSCORE', KEYS[1], ARGV[1])
  if lease and tonumber(lease) > now then running = 1 end
end
return { running, redis.call('LRANGE', KEYS[3], after, -1) }`;

export interface RedisStreamBufferOptions {
  redis: RedisPubSub;
  /** Prefix of every key and channel (`clv:chat:`; tests use their own). */
  prefix: string;
  ttlMs: number;
  maxBytes: number;
  logger: Logger;
  /** How long a running reply stays claimed without a renewal (its instance may have died). Default 30 s. */
  leaseMs?: number;
}

/**
 * Replay then live, from any instance: subscribe to the reply's channel first (once Redis confirms, whatever
 * the replay misses is published to us), replay, then deliver what arrived meanwhile; seq dedupes the overlap.
 */
async function follow(redis: RedisPubSub, channel: string, replay: () => Promise<unknown>, afterSeq: number, listener: ReplyListener): Promise<(() => void) | null> {
  const deliver = deliverOnceAfter(afterSeq, listener);
  // Live messages wait here until the replay is delivered, so the listener sees seq order.
  let queued: ReplyMessage[] | null = [];
  let unsubscribe = () => undefined as void;
  unsubscribe = await redis.subscribe(channel, (payload) => {
    if (payload === 'end') return unsubscribe();
    const message = JSON.parse(payload) as ReplyMessage;
    if (queued) queued.push(message);
    else deliver(message);
  });
  let result: [number, string[]] | null;
  try {
    result = (await replay()) as [number, string[]] | null;
  } catch (error) {
    unsubscribe();
    throw error;
  }
  if (!result) {
    unsubscribe();
    return null;
  }
  const [isRunning, stored] = result;
  for (const json of stored) deliver(JSON.parse(json) as ReplyMessage);
  const live = queued;
  queued = null;
  for (const message of live) deliver(message);
  if (!isRunning) unsubscribe();
  return unsubscribe;
}

/** A reply this instance runs. */
interface OwnedReply {
  userId: string;
  conversationId: string;
  messageId: string;
  keys: [running: string, reply: string, log: string];
  channel: string;
  listeners: Set<ReplyListener>;
  bytes: number;
  /** Set once a message did not fit: nothing after it is kept. */
  isTruncated: boolean;
  /** Its lease lapsed (this instance stalled): Redis is no longer written, local listeners still are. */
  isLost: boolean;
  /** Whether a failed write was already logged (one line per reply, not one per delta). */
  reportedFailure: boolean;
}

/** The key and channel names described at the top of this file. */
function namesUnder(prefix: string) {
  const id = encodeURIComponent;
  const userPrefix = (userId: string) => `${prefix}{${userId}}:`;
  const logPrefix = (userId: string, conversationId: string) => `${userPrefix(userId)}log:${id(conversationId)}:`;
  return {
    logPrefix,
    keysOf: (userId: string, conversationId: string, messageId: string): OwnedReply['keys'] => [
      `${userPrefix(userId)}running`, `${userPrefix(userId)}reply:${id(conversationId)}`, logPrefix(userId, conversationId) + id(messageId),
    ],
    channelOf: (userId: string, conversationId: string, messageId: string) => `${prefix}live:${userId}:${id(conversationId)}:${id(messageId)}`,
  };
}

/** Logs a reply's first failed write only (one line per reply, not one per delta). */
function failureReporter(logger: Logger) {
  return (reply: OwnedReply) => (error: unknown) => {
    if (reply.reportedFailure) return;
    reply.reportedFailure = true;
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'chat stream buffer write failed; this reply cannot be resumed');
  };
}

/** Extends the claim of a reply this instance runs; a reply whose claim lapsed is given up in Redis. */
function renewLease(reply: OwnedReply, context: {
  redis: RedisPubSub; renew: RedisScript; leaseMs: number; keepMs: number; logger: Logger; reportFailure: ReturnType<typeof failureReporter>;
}): void {
  context.renew(reply.keys, [reply.conversationId, reply.messageId, context.leaseMs, context.keepMs]).then((renewed) => {
    if (renewed !== 0) return;
    reply.isLost = true;
    context.logger.warn('a running chat reply lost its claim (this instance stalled past its lease); it can no longer be resumed');
    void context.redis.commands.publish(reply.channel, 'end').catch(() => undefined);
  }, context.reportFailure(reply));
}

/**
 * The scale-out stream buffer: replies in Redis, so any instance can resume them and the limits count every
 * instance's replies. The instance running a reply hands its messages to its own listeners directly; each
 * append is sent without waiting for Redis (commands of a tick leave in one write, in order).
 */
export function createRedisStreamBuffer(options: RedisStreamBufferOptions): StreamBuffer {
  const { redis, prefix, ttlMs, maxBytes, logger } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const keepMs = leaseMs + ttlMs;
  const scripts = {
    open: redis.script('clvChatOpen', openScript),
    append: redis.script('clvChatAppend', appendScript),
    appendUnkept: redis.script('clvChatAppendUnkept', appendUnkeptScript),
    complete: redis.script('clvChatComplete', completeScript),
    renew: redis.script('clvChatRenew', renewScript),
    replay: redis.script('clvChatReplay', replayScript),
  };
  const { logPrefix, keysOf, channelOf } = namesUnder(prefix);
  const ownKey = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  const owned = new Map<string, OwnedReply>();

  const reportFailure = failureReporter(logger);
  const renewal = setInterval(() => {
    for (const reply of owned.values()) {
      if (!reply.isLost) renewLease(reply, { redis, renew: scripts.renew, leaseMs, keepMs, logger, reportFailure });
    }
  }, Math.max(10, Math.floor(leaseMs / 3)));
  renewal.unref();

  return {
    async open(userId, conversationId, messageId, maxRunning) {
      const keys = keysOf(userId, conversationId, messageId);
      const result = (await scripts.open(keys.slice(0, 2), [conversationId, messageId, maxRunning, leaseMs, keepMs, logPrefix(userId, conversationId)])) as OpenResult;
      if (result === 'opened') {
        owned.set(ownKey(userId, conversationId), {
          userId, conversationId, messageId, keys, channel: channelOf(userId, conversationId, messageId), listeners: new Set(),
          bytes: 0, isTruncated: false, isLost: false, reportedFailure: false,
        });
      }
      return result;
    },

    append(userId, conversationId, message) {
      const reply = owned.get(ownKey(userId, conversationId));
      if (!reply) return;
      if (!reply.isLost) {
        const json = JSON.stringify(message);
        if (!reply.isTruncated) {
          reply.bytes += sizeOfReplyMessage(message);
          reply.isTruncated = reply.bytes > maxBytes;
        }
        const written = reply.isTruncated
          ? scripts.appendUnkept([reply.keys[1]], [reply.messageId, message.seq, json, reply.channel])
          : scripts.append([reply.keys[2]], [json, keepMs, reply.channel]);
        written.catch(reportFailure(reply));
      }
      for (const listener of reply.listeners) listener(message);
    },

    async complete(userId, conversationId) {
      const key = ownKey(userId, conversationId);
      const reply = owned.get(key);
      if (!reply) return;
      owned.delete(key);
      reply.listeners.clear();
      if (reply.isLost) return;
      await scripts.complete(reply.keys, [conversationId, reply.messageId, ttlMs, reply.channel]).catch(reportFailure(reply));
    },

    subscribe(userId, conversationId, listener) {
      const reply = owned.get(ownKey(userId, conversationId));
      if (!reply) return () => undefined;
      reply.listeners.add(listener);
      return () => void reply.listeners.delete(listener);
    },

    resume(userId, conversationId, messageId, afterSeq, listener) {
      const keys = keysOf(userId, conversationId, messageId);
      const replay = () => scripts.replay(keys, [conversationId, messageId, afterSeq]);
      return follow(redis, channelOf(userId, conversationId, messageId), replay, afterSeq, listener);
    },

    close() {
      clearInterval(renewal);
      owned.clear();
      return Promise.resolve();
    },
  };
}
