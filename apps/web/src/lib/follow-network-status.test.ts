import { describe, expect, it, vi } from 'vitest';
import { followNetworkStatus } from './follow-network-status';
import type { ConnectionState } from './realtime-client';

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
