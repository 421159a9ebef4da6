import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatSocketServerMessageSchema, type ChatSocketServerMessage } from '../features/chat/stores/chat-connection';
import { createRealtimeClient, type ServerMessageHandlers, type SocketLike } from './realtime-client';

/** A socket the test drives by hand: it records what the client sends. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(message: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: typeof message === 'string' ? message : JSON.stringify(message) }));
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

function setup(options: { token?: string; refreshSession?: () => Promise<boolean>; isNetworkAvailable?: () => boolean } = {}) {
  const sockets: FakeSocket[] = [];
  const received: ChatSocketServerMessage[] = [];
  const record = (message: ChatSocketServerMessage) => received.push(message);
  const handlers: ServerMessageHandlers<ChatSocketServerMessage> = {
    ready: record, pong: record, error: record, 'chat.start': record, 'chat.text-delta': record,
    'chat.reasoning-delta': record, 'chat.tool-call': record, 'chat.tool-result': record, 'chat.finish': record,
    'chat.error': record, 'chat.title': record, 'chat.compaction': record, 'prompt.request': record,
  };
  const onReady = vi.fn();
  let token = options.token ?? 'access-1';
  const client = createRealtimeClient<ChatSocketServerMessage, { type: string; [key: string]: unknown }>({
    url: 'ws://localhost/ws/chat',
    schema: chatSocketServerMessageSchema,
    handlers,
    getAccessToken: () => token,
    refreshSession: options.refreshSession ?? (async () => true),
    onReady,
    ...(options.isNetworkAvailable ? { isNetworkAvailable: options.isNetworkAvailable } : {}),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  return { client, sockets, received, onReady, setToken: (next: string) => (token = next) };
}

const latest = (sockets: FakeSocket[]) => {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no socket opened');
  return socket;
};

describe('createRealtimeClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('authenticates first, reports connected on ready, then flushes what was queued', () => {
    const { client, sockets, onReady } = setup();
    client.send({ type: 'chat.stop', conversationId: 'c1' });
    expect(client.getState()).toBe('connecting');
    const socket = latest(sockets);
    socket.open();
    expect(socket.sent).toEqual([{ type: 'auth', token: 'access-1' }]);

    socket.receive({ type: 'ready', userId: 'u1' });

    expect(client.getState()).toBe('connected');
    expect(onReady).toHaveBeenCalledWith(false);
    expect(socket.sent).toEqual([{ type: 'auth', token: 'access-1' }, { type: 'chat.stop', conversationId: 'c1' }]);
  });

  it('ignores messages that are not JSON or break the contract, and keeps dispatching valid ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { client, sockets, received } = setup();
    client.connect();
    const socket = latest(sockets);
    socket.open();
    socket.receive({ type: 'ready', userId: 'u1' });

    socket.receive('not json {');
    socket.receive({ type: 'chat.text-delta', conversationId: 'c1', messageId: 'm1', seq: 'one', delta: 'x' });
    socket.receive({ type: 'chat.unknown', conversationId: 'c1' });
    socket.receive({ type: 'chat.text-delta', conversationId: 'c1', messageId: 'm1', seq: 1, delta: 'Hi' });

    expect(warn).toHaveBeenCalledTimes(3);
    expect(received.map((message) => message.type)).toEqual(['ready', 'chat.text-delta']);
    expect(client.getState()).toBe('connected');
  });

  it('sends a ping every 25 s and reconnects after two unanswered pings', () => {
    const { client, sockets } = setup();
    client.connect();
    const socket = latest(sockets);
    socket.open();
    socket.receive({ type: 'ready', userId: 'u1' });

    vi.advanceTimersByTime(25_000);
    expect(socket.sent.at(-1)).toMatchObject({ type: 'ping' });
    socket.receive({ type: 'pong' });
    vi.advanceTimersByTime(25_000);
    vi.advanceTimersByTime(25_000);
    expect(socket.sent.filter((message) => (message as { type: string }).type === 'ping')).toHaveLength(3);
    vi.advanceTimersByTime(25_000);

    expect(socket.closedWith).toBe(4000);
    expect(client.getState()).toBe('reconnecting');
  });

  it('reconnects with exponential backoff after a drop, then calls onReady(true) so that replies resume', () => {
    const { client, sockets, onReady } = setup();
    client.connect();
    latest(sockets).open();
    latest(sockets).receive({ type: 'ready', userId: 'u1' });

    latest(sockets).drop();
    expect(client.getState()).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    latest(sockets).drop();
    vi.advanceTimersByTime(1_999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    client.send({ type: 'chat.send', conversationId: 'c1' });
    latest(sockets).open();
    latest(sockets).receive({ type: 'ready', userId: 'u1' });
    expect(onReady).toHaveBeenLastCalledWith(true);
    expect(latest(sockets).sent.at(-1)).toEqual({ type: 'chat.send', conversationId: 'c1' });
    expect(client.getState()).toBe('connected');
  });

  it('drops the socket when told the network is gone, keeps the queue and reconnects (at once on connect())', () => {
    const { client, sockets, onReady } = setup();
    client.connect();
    latest(sockets).open();
    latest(sockets).receive({ type: 'ready', userId: 'u1' });

    client.dropConnection();
    expect(sockets[0]?.closedWith).toBe(4000);
    expect(client.getState()).toBe('reconnecting');
    client.send({ type: 'chat.stop', conversationId: 'c1' });
    expect(sockets).toHaveLength(1);
    client.connect();
    expect(sockets).toHaveLength(2);
    latest(sockets).open();
    latest(sockets).receive({ type: 'ready', userId: 'u1' });
    expect(onReady).toHaveBeenLastCalledWith(true);
    expect(latest(sockets).sent).toEqual([{ type: 'auth', token: 'access-1' }, { type: 'chat.stop', conversationId: 'c1' }]);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('does not try to reconnect while the network is known to be down', () => {
    let isOnline = true;
    const { client, sockets } = setup({ isNetworkAvailable: () => isOnline });
    client.connect();
    latest(sockets).open();
    latest(sockets).receive({ type: 'ready', userId: 'u1' });
    isOnline = false;
    client.dropConnection();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(client.getState()).toBe('reconnecting');
    isOnline = true;
    vi.advanceTimersByTime(30_000);
    expect(sockets).toHaveLength(2);
  });

  it('ignores dropConnection when it never connected or was disconnected', () => {
    const { client, sockets } = setup();
    client.dropConnection();
    expect(client.getState()).toBe('idle');
    client.connect();
    client.disconnect();
    client.dropConnection();
    expect(client.getState()).toBe('idle');
    expect(sockets).toHaveLength(1);
  });

  it('refreshes the session after a 4401 close and authenticates with the new token', async () => {
    const harness = setup({ refreshSession: async () => {
      harness.setToken('access-2');
      return true;
    } });
    const { client, sockets } = harness;
    client.connect();
    latest(sockets).open();
    latest(sockets).drop(4401);
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    latest(sockets).open();
    expect(latest(sockets).sent).toEqual([{ type: 'auth', token: 'access-2' }]);
  });

  it('goes offline when the session cannot be refreshed', async () => {
    const { client, sockets } = setup({ refreshSession: async () => false });
    client.connect();
    latest(sockets).open();
    latest(sockets).drop(4401);
    await vi.waitFor(() => expect(client.getState()).toBe('offline'));
    expect(sockets).toHaveLength(1);
  });
});
