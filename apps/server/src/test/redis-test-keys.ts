import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis of the scale-out tests (the CI machine runs one on the default port). */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test uses. */
export const uniqueRedisPrefix = (label = 'test') => `${label}:${randomUUID()}:`;

/** Deletes every key under `prefix` (a test's leftovers; they would expire anyway). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
