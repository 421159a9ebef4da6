import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '../test/redis-test-keys.js';
import { createChatStores } from './chat-stores.js';

const configWith = (env: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', DATA_DIR: 'unused', JWT_SECRET: 'a'.repeat(64), ENCRYPTION_MASTER_KEY: 'b'.repeat(64), ...env });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('chat stores', () => {
  it('keeps replies in this process without REDIS_URL (no relay needed)', async () => {
    const stores = await createChatStores({ config: configWith({}), logger: createCapturingLogger().logger });
    expect(stores.relay).toBeNull();
    expect(await stores.streamBuffer.open('user', 'c', 'm', 1)).toBe('opened');
    await stores.close();
  });

  it('shares replies through Redis with REDIS_URL', async () => {
    const prefix = uniqueRedisPrefix('chat-stores-test');
    const config = configWith({ REDIS_URL: testRedisUrl });
    const [one, two] = await Promise.all([createChatStores({ config, logger: createCapturingLogger().logger, redisKeyPrefix: prefix }), createChatStores({ config, logger: createCapturingLogger().logger, redisKeyPrefix: prefix })]);
    expect(one.relay).not.toBeNull();
    expect(await one.streamBuffer.open('user', 'c', 'm', 1)).toBe('opened');
    expect(await two.streamBuffer.open('user', 'c', 'm2', 1)).toBe('busy');
    await one.streamBuffer.complete('user', 'c');
    await Promise.all([one.close(), two.close()]);
    await deleteRedisKeys(testRedisUrl, prefix);
  });

  it('refuses to start with a clear error when Redis does not answer', async () => {
    const { logger, lines } = createCapturingLogger();
    const config = configWith({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    await expect(createChatStores({ config, logger })).rejects.toThrow(/^Redis \(REDIS_URL\) did not answer, so running chat replies cannot be shared between instances: /);
    expect(lines.join('\n')).toContain('redis connection error');
  });
});
