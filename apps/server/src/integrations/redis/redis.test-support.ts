import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { deleteRedisKeys, uniqueRedisPrefix } from '../../test/redis-test-keys.js';
import { createIntegrationTestContext } from '../test-support.js';

/** The machine's real Redis; integration tests use database 13 and a fresh key prefix each. */
export const redisValues = { host: '127.0.0.1', port: '6379', database: '13' };

/** A tool context whose Redis credential points at the real Redis (or `values`). */
export function redisContext(values: Record<string, string> = redisValues) {
  return createIntegrationTestContext({ baseUrls: [], origin: 'http://127.0.0.1', credentials: { redis: values } });
}

/** A key prefix of one test and the clean-up that removes its keys. */
export function redisTestPrefix() {
  const prefix = uniqueRedisPrefix('integration-redis');
  return { prefix, cleanUp: () => deleteRedisKeys('redis://127.0.0.1:6379/13', prefix) };
}

function parseCommands(text: string): string[][] {
  const commands: string[][] = [];
  const lines = text.split('\r\n');
  let index = 0;
  while (index < lines.length && lines[index]!.startsWith('*')) {
    const count = Number(lines[index]!.slice(1));
    index += 1;
    const args: string[] = [];
    for (let arg = 0; arg < count; arg += 1) {
      args.push(lines[index + 1] ?? '');
      index += 2;
    }
    commands.push(args);
  }
  return commands;
}

/**
 * A Redis protocol (RESP) double of a password-protected Redis 7 whose password is not the one given: it answers
 * `HELLO … AUTH` with `-WRONGPASS` and anything else with `-NOAUTH`, as the real server does. (The machine's Redis
 * has no password, and with none configured Redis accepts any.) Records the commands it received.
 */
export async function startPasswordProtectedRedisDouble(): Promise<{ port: number; received: string[][]; close: () => Promise<void> }> {
  const received: string[][] = [];
  const server: Server = createServer((socket) => {
    socket.on('data', (data) => {
      for (const command of parseCommands(data.toString('utf8'))) {
        received.push(command);
        const name = command[0]!.toUpperCase();
        socket.write(name === 'HELLO' || name === 'AUTH' ? '-WRONGPASS invalid username-password pair or user is disabled.\r\n' : '-NOAUTH Authentication required.\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
