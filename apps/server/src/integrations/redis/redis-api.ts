import { Redis } from 'ioredis';
import { AppError, ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import type { IntegrationTestContext } from '../define-integration.js';

/** Milliseconds to open the connection; then every command has this long. */
const connectTimeoutMs = 5_000;
const commandTimeoutMs = 10_000;

export interface RedisTarget {
  host: string;
  port: number;
  tls: boolean;
  password?: string;
  database: number;
}

const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[?[0-9a-f:]+\]?$/i;

function parseInteger(text: string | undefined, fallback: number, min: number, max: number, field: string): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < min || value > max) throw new ValidationError(`The Redis ${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** `validate` of the host field: a host name or IP, optionally `rediss://` for TLS; no port, path or credentials. */
export function validateRedisHost(value: string): string | null {
  const bare = value.trim().replace(/^rediss?:\/\//i, '').replace(/\/$/, '');
  return hostPattern.test(bare) ? null : 'Give the Redis host name or IP only (port and password have their own fields); prefix rediss:// for TLS.';
}

/** Reads and checks a Redis credential's values. @throws ValidationError naming the field */
export function redisTargetOf(values: Readonly<Record<string, string>>): RedisTarget {
  const raw = values.host?.trim();
  if (!raw) throw new ValidationError('The Redis credential has no host; edit it on the Credentials page.');
  const problem = validateRedisHost(raw);
  if (problem) throw new ValidationError(problem);
  const tls = /^rediss:\/\//i.test(raw);
  const host = raw.replace(/^rediss?:\/\//i, '').replace(/\/$/, '').replace(/^\[|\]$/g, '');
  const port = parseInteger(values.port, 6379, 1, 65_535, 'port');
  const database = parseInteger(values.database, 0, 0, 255, 'database');
  const password = values.password || undefined;
  return { host, port, tls, database, ...(password ? { password } : {}) };
}

/** The user's Redis credential. @throws ValidationError when absent or incomplete */
export async function redisTarget(context: ToolContext): Promise<RedisTarget> {
  if (!context.getCredential) throw new ValidationError('Add a Redis credential on the Credentials page to use this tool.');
  return redisTargetOf(await context.getCredential('redis'));
}

function where(target: RedisTarget): string {
  return `${target.host}:${target.port}`;
}

/** A readable AppError for a Redis connection or command failure. */
export function redisError(error: unknown, target: RedisTarget): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code ?? '';
  if (/^(WRONGPASS|NOAUTH|NOPERM)/.test(message) || /invalid password|AUTH failed/i.test(message)) {
    return new AppError('upstream_error', `Redis at ${where(target)} refused the credential: ${message}. Check it on the Credentials page.`, { service: 'Redis' });
  }
  if (code === 'ECONNREFUSED') return new AppError('upstream_unavailable', `Redis at ${where(target)} refused the connection; check the host and port.`, { service: 'Redis' });
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) return new AppError('upstream_unavailable', `Redis at ${where(target)} did not answer in time.`, { service: 'Redis' });
  if (/^(ERR|WRONGTYPE|OOM|READONLY|NOSCRIPT|EXECABORT)/.test(message)) return new AppError('upstream_error', `Redis refused the command: ${message.slice(0, 300)}`, { service: 'Redis' });
  return new AppError('upstream_unavailable', `Redis at ${where(target)} could not be used: ${message.slice(0, 300)}`, { service: 'Redis' });
}

/**
 * Opens one connection to the user's Redis, runs `work`, and closes it. The host is first resolved and checked
 * by the outbound guard (private addresses only when allow-listed) and the socket goes to a checked address,
 * never to a second DNS answer. No reconnects, no offline queue: a failure is reported at once.
 */
export async function withRedis<T>(context: Pick<IntegrationTestContext, 'http' | 'signal'>, target: RedisTarget, work: (redis: Redis) => Promise<T>): Promise<T> {
  if (!context.http.checkHost) throw new AppError('upstream_unavailable', 'This server cannot check where the Redis host points, so it does not connect to it.');
  const [address] = await context.http.checkHost(target.host, target.port);
  const redis = new Redis({
    host: address!.address,
    port: target.port,
    db: target.database,
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
  });
  const stop = () => redis.disconnect();
  context.signal.addEventListener('abort', stop, { once: true });
  try {
    await redis.connect();
    return await work(redis);
  } catch (error) {
    context.signal.throwIfAborted();
    throw redisError(lastError ?? error, target);
  } finally {
    context.signal.removeEventListener('abort', stop);
    redis.disconnect();
  }
}
