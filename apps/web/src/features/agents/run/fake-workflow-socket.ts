import { act } from '@testing-library/react';
import type { SocketLike } from '../../../lib/realtime-client';
import { useSessionStore } from '../../../stores/session-store';
import { useRunStore } from './run-store';
import { closeWorkflowClient, setSocketFactoryForTests } from './workflow-connection';

/** A `/ws/workflow` socket a test drives: it records what the panel sends and delivers what the "server" says. */
export class FakeWorkflowSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ type: string; [key: string]: unknown }> = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send(data: string) {
    const message = JSON.parse(data) as { type: string };
    this.sent.push(message);
    // The hub answers the auth message with `ready`.
    if (message.type === 'auth') queueMicrotask(() => this.receive({ type: 'ready', userId: 'user-1' }));
  }
  close() {
    this.readyState = 3;
  }
  receive(message: unknown) {
    act(() => this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) })));
  }
  /** What the client sent besides the handshake and heartbeats. */
  runs() {
    return this.sent.filter((message) => message.type !== 'auth' && message.type !== 'ping');
  }
}

/** Makes the run panel's socket a fake that opens at once; returns the sockets made so far. Call in beforeEach. */
export function installFakeWorkflowSocket(): FakeWorkflowSocket[] {
  const sockets: FakeWorkflowSocket[] = [];
  setSocketFactoryForTests(() => {
    const socket = new FakeWorkflowSocket();
    sockets.push(socket);
    queueMicrotask(() => {
      socket.readyState = 1;
      socket.onopen?.(new Event('open'));
    });
    return socket;
  });
  useSessionStore.setState({ accessToken: 'access-1' });
  useRunStore.setState({ runs: {}, editors: {}, pendingRerun: {}, drafts: {} });
  return sockets;
}

/** Closes the fake socket's client. Call in afterEach. */
export function removeFakeWorkflowSocket(): void {
  closeWorkflowClient();
  setSocketFactoryForTests(undefined);
}
