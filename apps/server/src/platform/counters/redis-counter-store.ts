import { Redis } from 'ioredis';
import type { CounterStore } from './counter-store.js';

// INCR then set the expiry only on the first hit of a window, atomically.
const incrementScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }`;

/** Counters shared by every process through Redis; keys live under `prefix`. */
export function createRedisCounterStore(url: string, prefix = 'clv:counter:'): CounterStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false });
  const toSeconds = (milliseconds: number) => Math.max(0, Math.ceil(milliseconds / 1000));
  return {
    async increment(key, windowSeconds) {
      const [count, ttl] = (await redis.eval(incrementScript, 1, prefix + key, windowSeconds * 1000)) as [number, number];
      return { count, resetInSeconds: toSeconds(ttl) };
    },
    async get(key) {
      const [count, ttl] = await Promise.all([redis.get(prefix + key), redis.pttl(prefix + key)]);
      return count === null ? { count: 0, resetInSeconds: 0 } : { count: Number(count), resetInSeconds: toSeconds(ttl) };
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
    async close() {
      await redis.quit();
    },
  };
}
