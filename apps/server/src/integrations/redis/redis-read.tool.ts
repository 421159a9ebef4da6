import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import type { Redis } from 'ioredis';
import { redisTarget, withRedis } from './redis-api.js';

/** Elements of a list/set/hash/sorted set returned at most; keys listed by `keys` at most. */
const maxItems = 1_000;
/** Characters of one string value returned at most. */
const maxValueChars = 100_000;

const operations = ['get', 'mget', 'hget', 'hgetall', 'lrange', 'smembers', 'zrange', 'keys', 'exists', 'ttl', 'type'] as const;
type Operation = (typeof operations)[number];

const inputSchema = z.object({
  operation: z.enum(operations, { error: () => `operation must be one of: ${operations.join(', ')}` }),
  key: z.string().min(1).max(1_024).optional().describe('The key (every operation but mget, keys, exists)'),
  keys: z.array(z.string().min(1).max(1_024)).min(1).max(100).optional().describe('Keys for mget and exists'),
  field: z.string().max(1_024).optional().describe('Hash field (hget)'),
  pattern: z.string().min(1).max(1_024).default('*').describe('Glob pattern for keys, e.g. "user:*"'),
  start: z.number().int().default(0).describe('First index (lrange, zrange)'),
  stop: z.number().int().default(-1).describe('Last index, -1 = the end (lrange, zrange)'),
  with_scores: z.boolean().default(false).describe('zrange: include scores'),
  limit: z.number().int().min(1).max(maxItems).default(100).describe(`keys: how many to list, at most ${maxItems}`),
});
type Input = z.output<typeof inputSchema>;

function clip(value: string | null): string | null {
  return value !== null && value.length > maxValueChars ? `${value.slice(0, maxValueChars)}… [cut at ${maxValueChars} characters]` : value;
}

function needKey(input: Input): string {
  if (!input.key) throw new ValidationError(`Give the key for ${input.operation}.`);
  return input.key;
}

/** A range capped at `maxItems` elements when it would be longer (stop -1 means to the end). */
function cappedStop(start: number, stop: number): number {
  if (start >= 0 && (stop < 0 || stop - start + 1 > maxItems)) return start + maxItems - 1;
  return stop;
}

/** Lists keys with SCAN (never KEYS, which blocks the server) until `limit` are found. */
async function scanKeys(redis: Redis, pattern: string, limit: number): Promise<{ keys: string[]; truncated: boolean }> {
  const found: string[] = [];
  let cursor = '0';
  let rounds = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    rounds += 1;
    found.push(...batch);
  } while (cursor !== '0' && found.length < limit && rounds < 2_000);
  return { keys: [...new Set(found)].slice(0, limit), truncated: cursor !== '0' || found.length > limit };
}

async function read(redis: Redis, input: Input): Promise<Record<string, unknown>> {
  const operation: Operation = input.operation;
  switch (operation) {
    case 'get':
      return { key: needKey(input), value: clip(await redis.get(needKey(input))) };
    case 'mget': {
      if (!input.keys) throw new ValidationError('Give keys for mget.');
      const values = await redis.mget(...input.keys);
      return { values: Object.fromEntries(input.keys.map((key, index) => [key, clip(values[index] ?? null)])) };
    }
    case 'hget':
      if (input.field === undefined) throw new ValidationError('Give the hash field for hget.');
      return { key: needKey(input), field: input.field, value: clip(await redis.hget(needKey(input), input.field)) };
    case 'hgetall': {
      const entries = Object.entries(await redis.hgetall(needKey(input)));
      return { key: input.key, fields: Object.fromEntries(entries.slice(0, maxItems).map(([name, value]) => [name, clip(value)])), count: entries.length, ...(entries.length > maxItems ? { truncated: true } : {}) };
    }
    case 'lrange': {
      const stop = cappedStop(input.start, input.stop);
      const [items, length] = await Promise.all([redis.lrange(needKey(input), input.start, stop), redis.llen(needKey(input))]);
      return { key: input.key, items: items.map(clip), length, ...(stop !== input.stop && length > items.length + input.start ? { truncated: true } : {}) };
    }
    case 'smembers': {
      const members = await redis.smembers(needKey(input));
      return { key: input.key, members: members.slice(0, maxItems), count: members.length, ...(members.length > maxItems ? { truncated: true } : {}) };
    }
    case 'zrange': {
      const stop = cappedStop(input.start, input.stop);
      if (!input.with_scores) return { key: needKey(input), members: await redis.zrange(needKey(input), input.start, String(stop)) };
      // RESP3 answers [[member, score], …]; RESP2 a flat [member, score, …].
      const reply = (await redis.zrange(needKey(input), input.start, String(stop), 'WITHSCORES')) as unknown[];
      const pairs = Array.isArray(reply[0]) ? (reply as Array<[string, unknown]>) : Array.from({ length: reply.length / 2 }, (_, index) => [reply[2 * index], reply[2 * index + 1]] as [string, unknown]);
      return { key: input.key, members: pairs.map(([member, score]) => ({ member, score: Number(score) })) };
    }
    case 'keys':
      return { pattern: input.pattern, ...(await scanKeys(redis, input.pattern, input.limit)) };
    case 'exists': {
      const keys = input.keys ?? (input.key ? [input.key] : undefined);
      if (!keys) throw new ValidationError('Give key or keys for exists.');
      return { keys, existing: await redis.exists(...keys) };
    }
    case 'ttl': {
      const ttl = await redis.ttl(needKey(input));
      return { key: input.key, ttlSeconds: ttl, meaning: ttl === -2 ? 'no such key' : ttl === -1 ? 'never expires' : `expires in ${ttl} s` };
    }
    case 'type':
      return { key: needKey(input), type: await redis.type(needKey(input)) };
  }
}

/** Reads from the user's Redis: strings, hashes, lists, sets, sorted sets, key listing by SCAN, TTLs and types. */
export const redisReadTool = defineTool({
  name: 'redis_read',
  displayName: 'Redis Read',
  description:
    'Reads from the connected Redis database. operation: get (key), mget (keys), hget (key, field), hgetall (key), ' +
    'lrange (key, start, stop), smembers (key), zrange (key, start, stop, with_scores), keys (pattern, limit; uses ' +
    `SCAN, never KEYS), exists (key or keys), ttl (key), type (key). Collections return at most ${maxItems} items ` +
    '(truncated says when there were more). Read-only.',
  icon: 'Database',
  category: 'integrations',
  integration: 'redis',
  keywords: ['redis', 'cache', 'key value', 'database', 'get', 'hash', 'list', 'set', 'read'],
  inputSchema,
  async execute(input, context) {
    const target = await redisTarget(context);
    const result = await withRedis(context, target, (redis) => read(redis, input));
    return { result: { operation: input.operation, ...result } };
  },
});
