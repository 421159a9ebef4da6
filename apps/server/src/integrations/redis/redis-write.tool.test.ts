import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { redisWriteTool } from './redis-write.tool.js';
import { redisContext, redisTestPrefix } from './redis.test-support.js';

// The machine's real Redis (database 13); every test writes under its own prefix and removes it after.
let check: Redis;
let prefix: string;
let cleanUp: () => Promise<void>;

beforeAll(() => {
  check = new Redis({ host: '127.0.0.1', port: 6379, db: 13 });
});
afterAll(async () => {
  await check.quit();
});
beforeEach(() => {
  ({ prefix, cleanUp } = redisTestPrefix());
});
afterEach(async () => {
  await cleanUp();
});

const write = (args: Record<string, unknown>) => runTool(redisWriteTool, args, redisContext()).then((output) => output.result as Record<string, unknown>);

describe('redis_write', () => {
  it('sets strings with and without expiry, setnx, setex and mset', async () => {
    expect(await write({ operation: 'set', key: `${prefix}a`, value: '1' })).toEqual({ operation: 'set', key: `${prefix}a`, ok: true });
    expect(await check.get(`${prefix}a`)).toBe('1');
    await write({ operation: 'set', key: `${prefix}b`, value: '2', seconds: 60 });
    expect(await check.ttl(`${prefix}b`)).toBeGreaterThan(50);
    expect(await write({ operation: 'setnx', key: `${prefix}a`, value: 'other' })).toMatchObject({ set: false });
    expect(await check.get(`${prefix}a`)).toBe('1');
    await write({ operation: 'setex', key: `${prefix}c`, value: '3', seconds: 30 });
    expect(await check.ttl(`${prefix}c`)).toBeGreaterThan(20);
    await write({ operation: 'mset', entries: { [`${prefix}d`]: '4', [`${prefix}e`]: '5' } });
    expect(await check.mget(`${prefix}d`, `${prefix}e`)).toEqual(['4', '5']);
  });

  it('adds to hashes, lists, sets and sorted sets, counts and expires', async () => {
    expect(await write({ operation: 'hset', key: `${prefix}h`, entries: { name: 'Ada', born: '1815' } })).toMatchObject({ fieldsAdded: 2 });
    expect(await check.hgetall(`${prefix}h`)).toEqual({ name: 'Ada', born: '1815' });
    await write({ operation: 'rpush', key: `${prefix}l`, values: ['b', 'c'] });
    expect(await write({ operation: 'lpush', key: `${prefix}l`, values: ['a'] })).toMatchObject({ length: 3 });
    expect(await check.lrange(`${prefix}l`, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(await write({ operation: 'sadd', key: `${prefix}s`, values: ['x', 'y', 'x'] })).toMatchObject({ added: 2 });
    expect(await write({ operation: 'zadd', key: `${prefix}z`, members: [{ score: 2, member: 'bob' }, { score: 1, member: 'alice' }] })).toMatchObject({ added: 2 });
    expect(await check.zrange(`${prefix}z`, 0, '-1')).toEqual(['alice', 'bob']);
    expect(await write({ operation: 'incr', key: `${prefix}n` })).toMatchObject({ value: 1 });
    expect(await write({ operation: 'incrby', key: `${prefix}n`, increment: 41 })).toMatchObject({ value: 42 });
    expect(await write({ operation: 'expire', key: `${prefix}n`, seconds: 90 })).toMatchObject({ applied: true });
    expect(await check.ttl(`${prefix}n`)).toBeGreaterThan(80);
  });

  it('refuses deletes and other operations it does not offer, touching nothing', async () => {
    await check.set(`${prefix}keep`, 'safe');
    for (const operation of ['del', 'unlink', 'flushdb', 'flushall', 'getdel']) {
      await expect(write({ operation, key: `${prefix}keep` })).rejects.toThrow('redis_write never deletes');
    }
    expect(await check.get(`${prefix}keep`)).toBe('safe');
  });

  it('names the missing argument and reports Redis\'s refusal of an increment on text', async () => {
    await expect(write({ operation: 'set', key: `${prefix}a` })).rejects.toThrow('Give the value for set.');
    await expect(write({ operation: 'incrby', key: `${prefix}a` })).rejects.toThrow('Give the increment for incrby.');
    await check.set(`${prefix}text`, 'hello');
    await expect(write({ operation: 'incr', key: `${prefix}text` })).rejects.toThrow('Redis refused the command: ERR value is not an integer');
  });
});
