import type { Config } from '../config/config.js';
import type { Logger } from '../platform/logging/logger.js';
import { createRedisPubSub } from '../platform/redis/redis-pubsub.js';
import { createRedisReplyRelay, type ReplyRelay } from './reply-relay.js';
import { createRedisStreamBuffer } from './redis-stream-buffer.js';
import { createMemoryStreamBuffer, type StreamBuffer } from './stream-buffer.js';

export interface ChatStores {
  streamBuffer: StreamBuffer;
  /** Null on a single machine, where every reply is local. */
  relay: ReplyRelay | null;
  close(): Promise<void>;
}

/** Where running replies live: this process without REDIS_URL, Redis (shared by every instance) with it. */
export async function createChatStores(options: { config: Config; logger: Logger; redisKeyPrefix?: string }): Promise<ChatStores> {
  const { config, logger } = options;
  const limits = { ttlMs: config.chat.resumeTtlMs, maxBytes: config.chat.resumeMaxBytes };
  if (!config.redis) {
    const streamBuffer = createMemoryStreamBuffer(limits);
    return { streamBuffer, relay: null, close: () => streamBuffer.close() };
  }
  const redis = createRedisPubSub(config.redis.url, logger);
  const prefix = options.redisKeyPrefix ?? 'clv:chat:';
  try {
    const streamBuffer = createRedisStreamBuffer({ redis, prefix, logger, ...limits });
    const relay = await createRedisReplyRelay({ redis, prefix, logger });
    return {
      streamBuffer,
      relay,
      close: async () => {
        await streamBuffer.close();
        await redis.close();
      },
    };
  } catch (error) {
    await redis.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis (REDIS_URL) did not answer, so running chat replies cannot be shared between instances: ${reason}`, { cause: error });
  }
}
