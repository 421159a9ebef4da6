import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { redisReadTool } from './redis-read.tool.js';
import { closedPort, redisContext, redisTestPrefix, redisValues, startPasswordProtectedRedisDouble } from './redis.test-support.js';

// The machine's real Redis (database 13); every test writes under its own prefix and removes it after.
let seed: Redis;
let prefix: string;
let cleanUp: () => Promise<void>;

beforeAll(() => {
  seed = new Redis({ host: '127.0.0.1', port: 6379, db: 13 });
});
afterAll(async () => {
  await seed.quit();
});
beforeEach(() => {
  ({ prefix, cleanUp } = redisTestPrefix());
});
afterEach(async () => {
  await cleanUp();
});

const read = (args: Record<string, unknown>, values?: Record<string, string>) => runTool(redisReadTool, args, redisContext(values)).then((output) => output.result as Record<string, unknown>);

describe('redis_read', () => {
  it('reads strings, hashes, lists, sets and sorted sets', async () => {
    await seed.set(`${prefix}name`, 'Ada');
    await seed.set(`${prefix}city`, 'London');
    await seed.hset(`${prefix}user`, { name: 'Ada', born: '1815' });
    await seed.rpush(`${prefix}queue`, 'a', 'b', 'c');
    await seed.sadd(`${prefix}tags`, 'math', 'poetry');
    await seed.zadd(`${prefix}scores`, 3, 'carol', 1, 'alice', 2, 'bob');

    expect(await read({ operation: 'get', key: `${prefix}name` })).toEqual({ operation: 'get', key: `${prefix}name`, value: 'Ada' });
    expect(await read({ operation: 'get', key: `${prefix}missing` })).toMatchObject({ value: null });
    expect(await read({ operation: 'mget', keys: [`${prefix}name`, `${prefix}city`, `${prefix}none`] })).toMatchObject({
      values: { [`${prefix}name`]: 'Ada', [`${prefix}city`]: 'London', [`${prefix}none`]: null },
    });
    expect(await read({ operation: 'hget', key: `${prefix}user`, field: 'born' })).toMatchObject({ value: '1815' });
    expect(await read({ operation: 'hgetall', key: `${prefix}user` })).toMatchObject({ fields: { name: 'Ada', born: '1815' }, count: 2 });
    expect(await read({ operation: 'lrange', key: `${prefix}queue`, start: 1 })).toMatchObject({ items: ['b', 'c'], length: 3 });
    expect(((await read({ operation: 'smembers', key: `${prefix}tags` })).members as string[]).sort()).toEqual(['math', 'poetry']);
    expect(await read({ operation: 'zrange', key: `${prefix}scores`, with_scores: true })).toMatchObject({
      members: [{ member: 'alice', score: 1 }, { member: 'bob', score: 2 }, { member: 'carol', score: 3 }],
    });
    expect(await read({ operation: 'zrange', key: `${prefix}scores`, start: 0, stop: 0 })).toMatchObject({ members: ['alice'] });
  });

  it('lists keys with SCAN up to the limit, and reports existence, TTL and type', async () => {
    for (let index = 0; index < 30; index += 1) await seed.set(`${prefix}item:${index}`, String(index));
    await seed.set(`${prefix}temp`, 'x', 'EX', 120);
    const listed = await read({ operation: 'keys', pattern: `${prefix}item:*`, limit: 10 });
    expect(listed.keys as string[]).toHaveLength(10);
    expect((listed.keys as string[]).every((key) => key.startsWith(`${prefix}item:`))).toBe(true);
    expect(listed.truncated).toBe(true);
    const all = await read({ operation: 'keys', pattern: `${prefix}item:*`, limit: 1000 });
    expect((all.keys as string[]).length).toBe(30);
    expect(all.truncated).toBe(false);

    expect(await read({ operation: 'exists', keys: [`${prefix}item:1`, `${prefix}item:2`, `${prefix}nope`] })).toMatchObject({ existing: 2 });
    const ttl = await read({ operation: 'ttl', key: `${prefix}temp` });
    expect(ttl.ttlSeconds as number).toBeGreaterThan(100);
    expect(await read({ operation: 'ttl', key: `${prefix}item:1` })).toMatchObject({ ttlSeconds: -1, meaning: 'never expires' });
    expect(await read({ operation: 'type', key: `${prefix}item:1` })).toMatchObject({ type: 'string' });
  });

  it('reads from the database the credential names, not database 0', async () => {
    await seed.set(`${prefix}db`, 'thirteen');
    expect(await read({ operation: 'get', key: `${prefix}db` }, { ...redisValues, database: '0' })).toMatchObject({ value: null });
    expect(await read({ operation: 'get', key: `${prefix}db` })).toMatchObject({ value: 'thirteen' });
  });

  it('says which argument is missing, and reports a wrong-type read clearly', async () => {
    await expect(read({ operation: 'hget', key: `${prefix}user` })).rejects.toThrow('Give the hash field for hget.');
    await expect(read({ operation: 'get' })).rejects.toThrow('Give the key for get.');
    await seed.rpush(`${prefix}list`, 'x');
    await expect(read({ operation: 'get', key: `${prefix}list` })).rejects.toThrow('Redis refused the command: WRONGTYPE');
  });

  it('refuses a password Redis does not accept with a clear error', async () => {
    const protectedRedis = await startPasswordProtectedRedisDouble();
    try {
      await expect(read({ operation: 'get', key: 'k' }, { host: '127.0.0.1', port: String(protectedRedis.port), password: 'wrong' })).rejects.toThrow(
        `Redis at 127.0.0.1:${protectedRedis.port} refused the credential: WRONGPASS`,
      );
      expect(protectedRedis.received[0]).toEqual(['hello', '3', 'AUTH', 'default', 'wrong']);
    } finally {
      await protectedRedis.close();
    }
  });

  it('fails clearly when nothing listens, and refuses a private host the guard does not allow, before connecting', async () => {
    const port = await closedPort();
    await expect(read({ operation: 'get', key: 'k' }, { host: '127.0.0.1', port: String(port) })).rejects.toThrow(`Redis at 127.0.0.1:${port} refused the connection`);
    await expect(read({ operation: 'get', key: 'k' }, { host: '10.20.30.40', port: '6379' })).rejects.toMatchObject({ code: 'outbound_blocked' });
    await expect(read({ operation: 'get', key: 'k' }, { host: 'redis.example.com/evil' })).rejects.toThrow('Give the Redis host name or IP only');
    await expect(read({ operation: 'get', key: 'k' }, { port: '6379' })).rejects.toThrow('no host');
  });
});
