import type { Logger } from '../platform/logging/logger.js';
import type { RedisPubSub } from '../platform/redis/redis-pubsub.js';
import { deliverOnceAfter, sizeOfReplyMessage, type OpenResult, type ReplyListener, type ReplyMessage, type StreamBuffer } from './stream-buffer.js';

/*
 * Keys of one user share a hash tag, so the scripts below touch one slot (Redis Cluster):
 *   {user}:running          sorted set: conversation → lease deadline (ms, Redis clock) of each running reply
 *   {user}:reply:<conv>     hash: messageId, state (running|complete), lastSeq, bytes, truncated
 *   {user}:log:<conv>       list: the kept messages as JSON; index i holds seq i+1 (nothing is kept after the cap)
 * Channel live:<user>:<conv> carries each message as it is appended, then `end:<messageId>`.
 * A running reply's lease is renewed by the instance that runs it; if that instance dies, the lease lapses and
 * the conversation is free again (and its buffer expires) without anyone cleaning up.
 */

const redisNow = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS running, reply, log · ARGV conversation, messageId, max running, lease ms, keep ms
const openScript = `${redisNow}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 'busy' end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 'too_many' end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('HSET', KEYS[2], 'messageId', ARGV[2], 'state', 'running', 'lastSeq', 0, 'bytes', 0, 'truncated', 0)
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 'opened'`;

// KEYS reply, log · ARGV seq, message JSON, size, max bytes, channel, keep ms
const appendScript = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'lastSeq', ARGV[1])
if redis.call('HGET', KEYS[1], 'truncated') == '0' then
  if tonumber(redis.call('HGET', KEYS[1], 'bytes')) + tonumber(ARGV[3]) > tonumber(ARGV[4]) then
    redis.call('HSET', KEYS[1], 'truncated', 1)
  else
    redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[3])
    if redis.call('RPUSH', KEYS[2], ARGV[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
  end
end
redis.call('PUBLISH', ARGV[5], ARGV[2])
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, ttl ms, channel
const completeScript = `
if redis.call('HGET', KEYS[2], 'messageId') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'state', 'complete')
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
redis.call('PUBLISH', ARGV[4], 'end:' .. ARGV[2])
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, lease ms, keep ms
const renewScript = `${redisNow}
if redis.call('HGET', KEYS[2], 'messageId') ~= ARGV[2] or redis.call('HGET', KEYS[2], 'state') ~= 'running' then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1`;

// KEYS running, reply, log · ARGV conversation, messageId, afterSeq → nil, or { isRunning, messages after afterSeq }
const replayScript = `${redisNow}
local reply = redis.call('HMGET', KEYS[2], 'messageId', 'state', 'lastSeq', 'truncated')
if reply[1] ~= ARGV[2] then return false end
local after = tonumber(ARGV[3])
if reply[4] == '1' and after < tonumber(reply[3]) then return false end
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
async function follow(input: {
  redis: RedisPubSub;
  replay: () => Promise<unknown>;
  channel: string;
  messageId: string;
  afterSeq: number;
  listener: ReplyListener;
}): Promise<(() => void) | null> {
  const { messageId } = input;
  const deliver = deliverOnceAfter(input.afterSeq, input.listener);
  // Live messages wait here until the replay is delivered, so the listener sees seq order.
  let queued: ReplyMessage[] | null = [];
  let unsubscribe = () => undefined as void;
  const onLive = (payload: string) => {
    if (payload.startsWith('end:')) {
      if (payload === `end:${messageId}`) unsubscribe();
      return;
    }
    const message = JSON.parse(payload) as ReplyMessage;
    if (message.messageId !== messageId) return;
    if (queued) queued.push(message);
    else deliver(message);
  };
  unsubscribe = await input.redis.subscribe(input.channel, onLive);
  let result: [number, string[]] | null;
  try {
    result = (await input.replay()) as [number, string[]] | null;
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

interface OwnedReply {
  messageId: string;
  listeners: Set<ReplyListener>;
  /** Whether a failed write was already logged (one line per reply, not one per delta). */
  reportedFailure: boolean;
}

/**
 * The scale-out stream buffer: replies in Redis, so any instance can resume them and the limits count every
 * instance's replies. The instance running a reply still hands its messages to its own listeners directly;
 * each append is one script call (one per coalesced delta), sent without waiting for its reply.
 */
export function createRedisStreamBuffer(options: RedisStreamBufferOptions): StreamBuffer {
  const { redis, prefix, ttlMs, maxBytes, logger } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const keepMs = leaseMs + ttlMs;
  const open = redis.script('clvChatOpen', openScript);
  const append = redis.script('clvChatAppend', appendScript);
  const complete = redis.script('clvChatComplete', completeScript);
  const renew = redis.script('clvChatRenew', renewScript);
  const replay = redis.script('clvChatReplay', replayScript);

  const keysOf = (userId: string, conversationId: string) => [
    `${prefix}{${userId}}:running`, `${prefix}{${userId}}:reply:${conversationId}`, `${prefix}{${userId}}:log:${conversationId}`,
  ];
  const channelOf = (userId: string, conversationId: string) => `${prefix}live:${userId}:${conversationId}`;
  const ownKey = (userId: string, conversationId: string) => `${userId}\u0000${conversationId}`;
  /** Replies this instance runs: their local listeners, and the leases it renews. */
  const owned = new Map<string, OwnedReply & { userId: string; conversationId: string }>();

  const renewal = setInterval(() => {
    for (const reply of owned.values()) {
      renew(keysOf(reply.userId, reply.conversationId), [reply.conversationId, reply.messageId, leaseMs, keepMs]).catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'chat reply lease renewal failed');
      });
    }
  }, Math.max(10, Math.floor(leaseMs / 3)));
  renewal.unref();

  const reportFailure = (reply: OwnedReply) => (error: unknown) => {
    if (reply.reportedFailure) return;
    reply.reportedFailure = true;
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'chat stream buffer write failed; this reply cannot be resumed');
  };

  return {
    async open(userId, conversationId, messageId, maxRunning) {
      const result = (await open(keysOf(userId, conversationId), [conversationId, messageId, maxRunning, leaseMs, keepMs])) as OpenResult;
      if (result === 'opened') owned.set(ownKey(userId, conversationId), { userId, conversationId, messageId, listeners: new Set(), reportedFailure: false });
      return result;
    },

    append(userId, conversationId, message) {
      const reply = owned.get(ownKey(userId, conversationId));
      if (!reply) return;
      const keys = keysOf(userId, conversationId);
      append([keys[1] as string, keys[2] as string], [message.seq, JSON.stringify(message), sizeOfReplyMessage(message), maxBytes, channelOf(userId, conversationId), keepMs])
        .catch(reportFailure(reply));
      for (const listener of reply.listeners) listener(message);
    },

    async complete(userId, conversationId) {
      const key = ownKey(userId, conversationId);
      const reply = owned.get(key);
      if (!reply) return;
      owned.delete(key);
      reply.listeners.clear();
      await complete(keysOf(userId, conversationId), [conversationId, reply.messageId, ttlMs, channelOf(userId, conversationId)]).catch(reportFailure(reply));
    },

    subscribe(userId, conversationId, listener) {
      const reply = owned.get(ownKey(userId, conversationId));
      if (!reply) return () => undefined;
      reply.listeners.add(listener);
      return () => void reply.listeners.delete(listener);
    },

    resume(userId, conversationId, messageId, afterSeq, listener) {
      return follow({
        redis, replay: () => replay(keysOf(userId, conversationId), [conversationId, messageId, afterSeq]), channel: channelOf(userId, conversationId), messageId, afterSeq, listener,
      });
    },

    close() {
      clearInterval(renewal);
      owned.clear();
      return Promise.resolve();
    },
  };
}
