import type { Socket } from 'node:net';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { z } from 'zod';
import { createRealtimeHub, type RealtimeConnection, type RealtimeHubOptions } from './realtime-hub.js';

const testClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('echo'), text: z.string() }),
  z.strictObject({ type: z.literal('explode') }),
  z.strictObject({ type: z.literal('burst'), count: z.number().int(), size: z.number().int() }),
]);
type TestClientMessage = z.infer<typeof testClientMessageSchema>;
type TestServerMessage = { type: 'echo-reply'; text: string } | { type: 'chunk'; data: string };

const users: Record<string, string> = { 'good-token': 'u1', 'other-token': 'u2' };

interface Harness {
  app: FastifyInstance;
  hub: ReturnType<typeof createRealtimeHub>;
  url: string;
  logLines: string[];
  received: TestClientMessage[];
  opened: Array<RealtimeConnection<TestServerMessage>>;
  closed: Array<RealtimeConnection<TestServerMessage>>;
  metricEvents: string[];
  /** Resolves with how many chunks a `burst` managed to queue before `send` returned false. */
  burstResult: Promise<number>;
}

let harness: Harness | undefined;

async function startServer(overrides: Partial<RealtimeHubOptions> = {}): Promise<Harness> {
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) });
  const metricEvents: string[] = [];
  const hub = createRealtimeHub({
    logger,
    authenticate: async (token) => {
      const userId = users[token];
      if (!userId) throw new Error('invalid token');
      return { userId };
    },
    metrics: {
      onConnectionOpened: (route) => metricEvents.push(`opened ${route}`),
      onConnectionClosed: (route) => metricEvents.push(`closed ${route}`),
      onMessageReceived: (route, type) => metricEvents.push(`message ${route} ${type}`),
    },
    ...overrides,
  });
  const app = Fastify();
  await app.register(websocket, { preClose: () => hub.closeAll() });
  let resolveBurst: (sent: number) => void = () => undefined;
  const burstResult = new Promise<number>((resolve) => (resolveBurst = resolve));
  const state: Omit<Harness, 'url'> = { app, hub, logLines, metricEvents, burstResult, received: [], opened: [], closed: [] };
  hub.registerRoute<TestClientMessage, TestServerMessage>(app, '/ws', {
    clientMessageSchema: testClientMessageSchema,
    onOpen: (connection) => void state.opened.push(connection),
    onClose: (connection) => void state.closed.push(connection),
    onMessage: (connection, message) => {
      state.received.push(message);
      if (message.type === 'echo') connection.send({ type: 'echo-reply', text: message.text });
      if (message.type === 'explode') throw new Error('handler exploded');
      if (message.type === 'burst') {
        const data = 'x'.repeat(message.size);
        let sent = 0;
        while (sent < message.count && connection.send({ type: 'chunk', data })) sent += 1;
        resolveBurst(sent);
      }
    },
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  harness = { ...state, url: `${address.replace('http', 'ws')}/ws` };
  return harness;
}

afterEach(async () => {
  await harness?.hub.closeAll();
  await harness?.app.close();
  harness = undefined;
});

interface TestClient {
  socket: WebSocket;
  /** The next message from the server (waits for it). */
  next(): Promise<Record<string, unknown>>;
  sendJson(message: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
}

async function connect(url: string, options: ClientOptions = {}): Promise<TestClient> {
  const socket = new WebSocket(url, options);
  const queue: Array<Record<string, unknown>> = [];
  const waiters: Array<(message: Record<string, unknown>) => void> = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
    sendJson: (message) => socket.send(JSON.stringify(message)),
  };
}

async function connectReady(url: string, token = 'good-token', options: ClientOptions = {}): Promise<TestClient> {
  const client = await connect(url, options);
  client.sendJson({ type: 'auth', token });
  expect(await client.next()).toEqual({ type: 'ready', userId: users[token] });
  return client;
}

describe('createRealtimeHub handshake', () => {
  it('answers a valid auth message with ready, then calls onOpen, and never logs the token', async () => {
    const { url, hub, opened, logLines, metricEvents } = await startServer();
    await connectReady(url);
    expect(hub.count()).toBe(1);
    expect(opened.map((connection) => [connection.userId, connection.route])).toEqual([['u1', '/ws']]);
    expect(hub.connectionsOf('u1')).toHaveLength(1);
    expect(metricEvents).toContain('opened /ws');
    expect(logLines.join('')).not.toContain('good-token');
  });

  it('closes with 4401 when no auth message arrives before the deadline', async () => {
    const { url } = await startServer({ authTimeoutMs: 100 });
    const client = await connect(url);
    expect(await client.closed).toEqual({ code: 4401, reason: 'authentication required' });
  });

  it('closes with 4401 for a bad token', async () => {
    const { url, logLines } = await startServer();
    const client = await connect(url);
    client.sendJson({ type: 'auth', token: 'bad-token' });
    expect(await client.closed).toEqual({ code: 4401, reason: 'invalid token' });
    expect(logLines.join('')).not.toContain('bad-token');
  });

  it('closes with 4401 when the first message is not auth', async () => {
    const { url } = await startServer();
    const client = await connect(url);
    client.sendJson({ type: 'ping' });
    expect((await client.closed).code).toBe(4401);
  });

  it('ignores a token in the query string', async () => {
    const { url, hub } = await startServer({ authTimeoutMs: 100 });
    const client = await connect(`${url}?token=good-token`);
    const messages: unknown[] = [];
    client.socket.on('message', (data) => messages.push(String(data)));
    expect(await client.closed).toEqual({ code: 4401, reason: 'authentication required' });
    expect(messages).toEqual([]);
    expect(hub.count()).toBe(0);
  });

  it('processes messages pipelined right behind auth after ready, in order', async () => {
    const { url } = await startServer();
    const client = await connect(url);
    client.sendJson({ type: 'auth', token: 'good-token' });
    client.sendJson({ type: 'echo', text: 'first' });
    client.sendJson({ type: 'ping', timestamp: 7 });
    expect(await client.next()).toEqual({ type: 'ready', userId: 'u1' });
    expect(await client.next()).toEqual({ type: 'echo-reply', text: 'first' });
    expect(await client.next()).toEqual({ type: 'pong', timestamp: 7 });
  });
});

describe('createRealtimeHub messages', () => {
  it('answers ping with pong and the same timestamp', async () => {
    const { url } = await startServer();
    const client = await connectReady(url);
    client.sendJson({ type: 'ping', timestamp: 12345 });
    expect(await client.next()).toEqual({ type: 'pong', timestamp: 12345 });
  });

  it('answers invalid JSON, schema failures, binary frames and a second auth with errors and stays open', async () => {
    const { url, metricEvents } = await startServer();
    const client = await connectReady(url);
    client.socket.send('{not json');
    expect(await client.next()).toEqual({
      type: 'error',
      code: 'validation_failed',
      message: 'Message is not valid JSON',
    });
    client.sendJson({ type: 'echo', text: 42 });
    expect(await client.next()).toMatchObject({
      type: 'error',
      code: 'validation_failed',
      details: [{ path: 'text', message: expect.any(String) }],
    });
    client.sendJson({ type: 'no-such-type' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'validation_failed' });
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'validation_failed' });
    client.sendJson({ type: 'auth', token: 'good-token' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'validation_failed' });
    client.sendJson({ type: 'echo', text: 'still here' });
    expect(await client.next()).toEqual({ type: 'echo-reply', text: 'still here' });
    expect(metricEvents).toContain('message /ws invalid');
    expect(metricEvents).not.toContain('message /ws no-such-type');
  });

  it('passes parsed messages to onMessage', async () => {
    const { url, received, metricEvents } = await startServer();
    const client = await connectReady(url);
    client.sendJson({ type: 'echo', text: 'hello' });
    await client.next();
    expect(received).toEqual([{ type: 'echo', text: 'hello' }]);
    expect(metricEvents).toContain('message /ws echo');
  });

  it('answers a throwing onMessage with an internal error and keeps serving the socket', async () => {
    const { url, logLines } = await startServer();
    const client = await connectReady(url);
    client.sendJson({ type: 'explode' });
    expect(await client.next()).toEqual({ type: 'error', code: 'internal', message: 'Something went wrong' });
    client.sendJson({ type: 'echo', text: 'after' });
    expect(await client.next()).toEqual({ type: 'echo-reply', text: 'after' });
    expect(logLines.join('')).toContain('handler exploded');
  });

  it('closes with 1009 when a message is larger than maxMessageBytes', async () => {
    const { url } = await startServer({ maxMessageBytes: 1024 });
    const client = await connectReady(url);
    client.sendJson({ type: 'echo', text: 'y'.repeat(2048) });
    expect((await client.closed).code).toBe(1009);
  });
});

describe('createRealtimeHub connections', () => {
  it('terminates a client that does not answer heartbeat pings, and keeps one that does', async () => {
    const { url } = await startServer({ heartbeatIntervalMs: 50 });
    const silent = await connectReady(url, 'good-token', { autoPong: false });
    const healthy = await connectReady(url);
    let pings = 0;
    healthy.socket.on('ping', () => (pings += 1));
    expect((await silent.closed).code).toBe(1006);
    await new Promise<void>((resolve) => healthy.socket.on('ping', () => pings >= 4 && resolve()));
    expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
  });

  it("broadcasts to all of a user's sockets and to no one else", async () => {
    const { url, hub } = await startServer();
    const first = await connectReady(url);
    const second = await connectReady(url);
    const other = await connectReady(url, 'other-token');
    expect(hub.connectionsOf('u1')).toHaveLength(2);
    expect(hub.broadcastToUser('u1', { type: 'notice', text: 'hi' })).toBe(2);
    expect(await first.next()).toEqual({ type: 'notice', text: 'hi' });
    expect(await second.next()).toEqual({ type: 'notice', text: 'hi' });
    // The echo was sent after the broadcast, so a leaked broadcast would arrive first.
    other.sendJson({ type: 'echo', text: 'mine' });
    expect(await other.next()).toEqual({ type: 'echo-reply', text: 'mine' });
  });

  it('closes every socket, authenticated or not, with 1001 on closeAll', async () => {
    const { url, hub, metricEvents } = await startServer();
    const clients = [await connectReady(url), await connectReady(url, 'other-token'), await connect(url)];
    await hub.closeAll();
    for (const client of clients) expect((await client.closed).code).toBe(1001);
    expect(hub.count()).toBe(0);
    expect(metricEvents.filter((event) => event === 'closed /ws')).toHaveLength(2);
  });

  it('closes sockets with 1001 when app.close() runs closeAll as the plugin preClose', async () => {
    const { url, app } = await startServer();
    const client = await connectReady(url);
    await app.close();
    expect((await client.closed).code).toBe(1001);
  });

  it('terminates sockets that do not finish the close handshake during closeAll', async () => {
    const { url, hub } = await startServer({ closeGraceMs: 100 });
    const client = await connectReady(url);
    (client.socket as unknown as { _socket: Socket })._socket.pause();
    await hub.closeAll();
    expect(hub.count()).toBe(0);
    client.socket.terminate();
  });

  it('returns false from send on a closed connection and aborts its signal', async () => {
    const { url, opened, closed } = await startServer();
    const client = await connectReady(url);
    client.socket.close(1000);
    await client.closed;
    await expect.poll(() => closed.length).toBe(1);
    const connection = opened[0];
    expect(connection?.signal.aborted).toBe(true);
    expect(connection?.send({ type: 'echo-reply', text: 'too late' })).toBe(false);
  });

  it('closes a client that stops reading with 4408 once the backlog passes maxQueuedBytes', async () => {
    const { url, burstResult } = await startServer({ maxQueuedBytes: 256 * 1024, closeGraceMs: 30_000 });
    const client = await connectReady(url);
    const rawSocket = (client.socket as unknown as { _socket: Socket })._socket;
    rawSocket.pause();
    client.sendJson({ type: 'burst', count: 10_000, size: 16 * 1024 });
    const sent = await burstResult;
    expect(sent).toBeLessThan(10_000);
    rawSocket.resume();
    expect(await client.closed).toEqual({ code: 4408, reason: 'client too slow' });
  });
});
