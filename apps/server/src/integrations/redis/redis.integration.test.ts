import { describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { redisIntegration } from './redis.integration.js';
import { closedPort, redisContext, redisValues, startPasswordProtectedRedisDouble } from './redis.test-support.js';

// The credential test runs against the machine's real Redis; the password failure against a RESP double.
describe('redis credential test', () => {
  it('pings the real Redis and names its version and database', async () => {
    const result = await redisIntegration.test!(redisValues, testContextOf(redisContext()));
    expect(result.message).toMatch(/^Connected to Redis \d+\.\d+\.\d+ at 127\.0\.0\.1:6379, database 13\.$/);
  });

  it('fails clearly on a refused password and on a closed port', async () => {
    const protectedRedis = await startPasswordProtectedRedisDouble();
    try {
      await expect(redisIntegration.test!({ host: '127.0.0.1', port: String(protectedRedis.port), password: 'nope' }, testContextOf(redisContext()))).rejects.toThrow('refused the credential: WRONGPASS');
    } finally {
      await protectedRedis.close();
    }
    const port = await closedPort();
    await expect(redisIntegration.test!({ host: '127.0.0.1', port: String(port) }, testContextOf(redisContext()))).rejects.toThrow('refused the connection');
  });

  it('validates host, port and database fields', () => {
    const field = (key: string) => redisIntegration.fields.find((candidate) => candidate.key === key)!;
    expect(field('host').validate!('rediss://cache.example.com')).toBeNull();
    expect(field('host').validate!('redis://user:pw@cache.example.com:6379/0')).not.toBeNull();
    expect(field('port').validate!('70000')).not.toBeNull();
    expect(field('database').validate!('3')).toBeNull();
    expect(field('password').sensitive).toBe(true);
  });
});
