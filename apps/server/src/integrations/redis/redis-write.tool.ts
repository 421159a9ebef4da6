import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import type { Redis } from 'ioredis';
import { redisTarget, withRedis } from './redis-api.js';

const operations = ['set', 'mset', 'hset', 'lpush', 'rpush', 'sadd', 'zadd', 'incr', 'incrby', 'expire', 'setnx', 'setex'] as const;
type Operation = (typeof operations)[number];
const maxValueChars = 1_000_000;

const inputSchema = z.object({
  operation: z.enum(operations, {
    error: () => `operation must be one of: ${operations.join(', ')}. redis_write never deletes (no del, unlink, flushdb…).`,
  }),
  key: z.string().min(1).max(1_024).optional().describe('The key (every operation but mset)'),
  value: z.string().max(maxValueChars).optional().describe('The value (set, setnx, setex)'),
  entries: z.record(z.string().min(1).max(1_024), z.string().max(maxValueChars)).optional().describe('mset: key → value; hset: field → value'),
  values: z.array(z.string().max(maxValueChars)).min(1).max(1_000).optional().describe('Elements for lpush, rpush, sadd'),
  members: z.array(z.object({ score: z.number(), member: z.string().max(maxValueChars) })).min(1).max(1_000).optional().describe('zadd: [{score, member}]'),
  increment: z.number().int().optional().describe('incrby: how much to add (may be negative)'),
  seconds: z.number().int().min(1).max(10 * 365 * 86_400).optional().describe('expire, setex: time to live; set: optional expiry'),
});
type Input = z.output<typeof inputSchema>;

function required<T>(value: T | undefined, what: string, operation: string): T {
  if (value === undefined) throw new ValidationError(`Give ${what} for ${operation}.`);
  return value;
}

async function write(redis: Redis, input: Input): Promise<Record<string, unknown>> {
  const operation: Operation = input.operation;
  const key = () => required(input.key, 'the key', operation);
  switch (operation) {
    case 'set': {
      const value = required(input.value, 'the value', operation);
      const reply = input.seconds ? await redis.set(key(), value, 'EX', input.seconds) : await redis.set(key(), value);
      return { key: input.key, ok: reply === 'OK', ...(input.seconds ? { expiresInSeconds: input.seconds } : {}) };
    }
    case 'setnx':
      return { key: key(), set: (await redis.setnx(key(), required(input.value, 'the value', operation))) === 1 };
    case 'setex':
      return { key: key(), ok: (await redis.setex(key(), required(input.seconds, 'seconds', operation), required(input.value, 'the value', operation))) === 'OK', expiresInSeconds: input.seconds };
    case 'mset': {
      const entries = required(input.entries, 'entries (key → value)', operation);
      if (Object.keys(entries).length === 0) throw new ValidationError('Give at least one entry for mset.');
      return { keys: Object.keys(entries), ok: (await redis.mset(entries)) === 'OK' };
    }
    case 'hset': {
      const entries = required(input.entries, 'entries (field → value)', operation);
      if (Object.keys(entries).length === 0) throw new ValidationError('Give at least one field for hset.');
      return { key: key(), fieldsAdded: await redis.hset(key(), entries) };
    }
    case 'lpush':
    case 'rpush': {
      const values = required(input.values, 'values', operation);
      const length = operation === 'lpush' ? await redis.lpush(key(), ...values) : await redis.rpush(key(), ...values);
      return { key: input.key, length };
    }
    case 'sadd':
      return { key: key(), added: await redis.sadd(key(), ...required(input.values, 'values', operation)) };
    case 'zadd': {
      const members = required(input.members, 'members ([{score, member}])', operation);
      return { key: key(), added: await redis.zadd(key(), ...members.flatMap((entry) => [entry.score, entry.member])) };
    }
    case 'incr':
      return { key: key(), value: await redis.incr(key()) };
    case 'incrby':
      return { key: key(), value: await redis.incrby(key(), required(input.increment, 'the increment', operation)) };
    case 'expire':
      return { key: key(), applied: (await redis.expire(key(), required(input.seconds, 'seconds', operation))) === 1, expiresInSeconds: input.seconds };
  }
}

/** Writes to the user's Redis: set, hash/list/set/sorted-set additions, counters and expiries; never deletes. */
export const redisWriteTool = defineTool({
  name: 'redis_write',
  displayName: 'Redis Write',
  description:
    'Writes to the connected Redis database. operation: set (key, value, optional seconds), setnx (key, value), ' +
    'setex (key, seconds, value), mset (entries), hset (key, entries), lpush/rpush (key, values), sadd (key, values), ' +
    'zadd (key, members [{score, member}]), incr (key), incrby (key, increment), expire (key, seconds). Deleting ' +
    'is not possible with this tool. Returns what Redis reported (ok, counts, new values).',
  icon: 'DatabaseZap',
  category: 'integrations',
  integration: 'redis',
  keywords: ['redis', 'cache', 'set', 'write', 'store', 'counter', 'increment', 'queue', 'push'],
  inputSchema,
  async execute(input, context) {
    const target = await redisTarget(context);
    const result = await withRedis(context, target, (redis) => write(redis, input));
    return { result: { operation: input.operation, ...result } };
  },
});
