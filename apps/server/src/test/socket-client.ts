import WebSocket from 'ws';

/** A realtime socket client for tests: records every message and lets a test wait for one. */
export interface TestSocketClient<Message extends { type: string }> {
  socket: WebSocket;
  received: Message[];
  send(message: object): void;
  /** Resolves with the first received message (past or future) matching `predicate`. */
  waitFor(predicate: (message: Message) => boolean, timeoutMs?: number): Promise<Message>;
  close(): Promise<void>;
  /** Resolves when the server (or the test) closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a realtime socket (`/ws/chat`, `/ws/workflow`, `/mcp/connect`) on a listening app and sends `auth` with `token`; does not wait for `ready` (some tests expect a refusal). */
export async function openTestSocket<Message extends { type: string }>(baseUrl: string, path: string, token: string): Promise<TestSocketClient<Message>> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const received: Message[] = [];
  const waiters = new Set<{ predicate: (message: Message) => boolean; resolve: (message: Message) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Message;
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const client: TestSocketClient<Message> = {
    socket,
    received,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    waitFor: (predicate, timeoutMs = 10_000) => {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (message: Message) => { clearTimeout(timer); resolve(message); } };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(received.map((message) => message.type))}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      socket.close();
    }),
  };
  client.send({ type: 'auth', token });
  return client;
}

/** `openTestSocket`, then waits for `ready`. */
export async function connectTestSocket<Message extends { type: string }>(baseUrl: string, path: string, token: string): Promise<TestSocketClient<Message>> {
  const client = await openTestSocket<Message>(baseUrl, path, token);
  await client.waitFor((message) => message.type === 'ready');
  return client;
}
