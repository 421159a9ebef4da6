import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session-store';
import type { ConnectionState, SocketLike } from './realtime-client';
import { createSessionRealtimeClient, followNetworkStatus } from './session-realtime-client';

function fakeClient(state: ConnectionState) {
  return { state, connect: vi.fn(), dropConnection: vi.fn(), getState() { return this.state; } };
}

describe('followNetworkStatus', () => {
  it('drops the socket when the browser goes offline and reconnects a waiting client when it is back', () => {
    const client = fakeClient('connected');
    followNetworkStatus(client, () => true);
    window.dispatchEvent(new Event('offline'));
    expect(client.dropConnection).toHaveBeenCalledTimes(1);
    client.state = 'reconnecting';
    window.dispatchEvent(new Event('online'));
    expect(client.connect).toHaveBeenCalledTimes(1);
  });

  it('leaves an idle or connected client alone when the network comes back', () => {
    const idle = fakeClient('idle');
    const connected = fakeClient('connected');
    followNetworkStatus(idle, () => true);
    followNetworkStatus(connected, () => true);
    window.dispatchEvent(new Event('online'));
    expect(idle.connect).not.toHaveBeenCalled();
    expect(connected.connect).not.toHaveBeenCalled();
  });

  it('does nothing for a client that has been replaced', () => {
    const client = fakeClient('reconnecting');
    followNetworkStatus(client, () => false);
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    expect(client.dropConnection).not.toHaveBeenCalled();
    expect(client.connect).not.toHaveBeenCalled();
  });
});

describe('createSessionRealtimeClient', () => {
  afterEach(() => useSessionStore.setState({ accessToken: null }));

  it('opens the path on the API and signs in with the session token', () => {
    useSessionStore.setState({ accessToken: 'access-7' });
    const sockets: Array<SocketLike & { url: string; sent: unknown[]; readyState: number }> = [];
    const client = createSessionRealtimeClient<{ type: 'ready' | 'pong' | 'error' }, { type: 'noop' }>(
      '/ws/test',
      {
        schema: z.object({ type: z.enum(['ready', 'pong', 'error']) }),
        handlers: { ready: () => {}, pong: () => {}, error: () => {} },
        createSocket: (url) => {
          const socket = { url, sent: [] as unknown[], readyState: 0, onopen: null, onmessage: null, onclose: null, onerror: null, send(data: string) { this.sent.push(JSON.parse(data)); }, close() {} } as SocketLike & { url: string; sent: unknown[]; readyState: number };
          sockets.push(socket);
          return socket;
        },
      },
      () => false,
    );
    client.connect();
    expect(new URL(sockets[0]!.url).pathname).toBe('/ws/test');
    expect(new URL(sockets[0]!.url).protocol).toMatch(/^wss?:$/);
    sockets[0]!.readyState = 1;
    sockets[0]!.onopen?.(new Event('open'));
    expect(sockets[0]!.sent).toEqual([{ type: 'auth', token: 'access-7' }]);
    client.disconnect();
  });
});
