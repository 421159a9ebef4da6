import { defineIntegration } from '../define-integration.js';
import { redisTargetOf, validateRedisHost, withRedis } from './redis-api.js';
import { redisReadTool } from './redis-read.tool.js';
import { redisWriteTool } from './redis-write.tool.js';

function validatePort(value: string): string | null {
  const port = Number(value.trim());
  return value.trim() === '' || (Number.isInteger(port) && port >= 1 && port <= 65_535) ? null : 'The port is a whole number from 1 to 65535.';
}

function validateDatabase(value: string): string | null {
  const database = Number(value.trim());
  return value.trim() === '' || (Number.isInteger(database) && database >= 0 && database <= 255) ? null : 'The database is a number from 0 (the default) to 255.';
}

/** The user's own Redis, read and written through ioredis; deletes are not offered (reference §4.3). */
export const redisIntegration = defineIntegration({
  id: 'redis',
  name: 'Redis',
  description: 'Read and write keys, hashes, lists, sets and counters in your Redis (no deletes).',
  icon: 'Database',
  category: 'database',
  docsUrl: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/',
  fields: [
    { key: 'host', label: 'Host', type: 'text', required: true, placeholder: 'redis.example.com', helpText: 'Host name or IP; prefix rediss:// for TLS.', sensitive: false, validate: validateRedisHost },
    { key: 'port', label: 'Port', type: 'text', required: false, default: '6379', placeholder: '6379', sensitive: false, validate: validatePort },
    { key: 'password', label: 'Password', type: 'api_key', required: false, placeholder: 'Leave empty if none', sensitive: true },
    { key: 'database', label: 'Database', type: 'text', required: false, default: '0', placeholder: '0', helpText: 'Database number (SELECT).', sensitive: false, validate: validateDatabase },
  ],
  tools: [redisReadTool, redisWriteTool],
  async test(values, context) {
    const target = redisTargetOf(values);
    const version = await withRedis(context, target, async (redis) => {
      await redis.ping();
      // INFO may be refused to a restricted user; the PING above is the test.
      const info = await redis.info('server').catch(() => '');
      return /redis_version:([^\r\n]+)/.exec(info)?.[1];
    });
    return { message: `Connected to Redis${version ? ` ${version}` : ''} at ${target.host}:${target.port}, database ${target.database}.` };
  },
});
