import type { ChatServerMessage, SessionResponse } from '@claraverse/shared';
import WebSocket from 'ws';
import { startOpenAiDouble, type OpenAiDouble } from './llm-doubles/openai-double.js';
import { createTestApp, type TestApp } from './create-test-app.js';
import { bearer, registerAdmin } from './factories.js';

type Received = ChatServerMessage | { type: 'ready'; userId: string } | { type: 'error'; code: string; message: string };

/** A chat socket client that records every message and lets a test wait for one. */
export interface ChatClient {
  socket: WebSocket;
  received: Received[];
  send(message: object): void;
  /** Resolves with the first received message (past or future) matching `predicate`. */
  waitFor(predicate: (message: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

/** Opens `/ws/chat`, authenticates with `token` and waits for `ready`. */
export async function connectChat(baseUrl: string, token: string): Promise<ChatClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/chat`);
  const received: Received[] = [];
  const waiters = new Set<{ predicate: (message: Received) => boolean; resolve: (message: Received) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Received;
    received.push(message);
    for (const waiter of [...waiters]) if (waiter.predicate(message)) {
      waiters.delete(waiter);
      waiter.resolve(message);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const client: ChatClient = {
    socket,
    received,
    send: (message) => socket.send(JSON.stringify(message)),
    waitFor: (predicate, timeoutMs = 10_000) => {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (message: Received) => { clearTimeout(timer); resolve(message); } };
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
  await client.waitFor((message) => message.type === 'ready');
  return client;
}

export interface ChatHarness {
  app: TestApp;
  baseUrl: string;
  double: OpenAiDouble;
  admin: SessionResponse;
  /** Id of the double's `test-model` in ClaraVerse. */
  modelId: string;
  close(): Promise<void>;
}

/**
 * A listening app whose admin configured an OpenAI-compatible provider pointing at a local double and
 * fetched its models: everything a chat test needs.
 */
export async function startChatHarness(env: Record<string, string> = {}): Promise<ChatHarness> {
  const double = await startOpenAiDouble({ apiKey: 'test-key', models: ['test-model', 'other-model'] });
  const app = await createTestApp({ env });
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  const baseUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const admin = await registerAdmin(app);
  const created = await app.http.inject({
    method: 'POST', url: '/api/admin/providers', headers: bearer(admin.accessToken),
    payload: { name: 'Local double', kind: 'openai-compatible', baseUrl: double.baseUrl, apiKey: 'test-key', enabled: true },
  });
  if (created.statusCode !== 201) throw new Error(`provider: ${created.statusCode} ${created.body}`);
  const providerId = created.json<{ provider: { id: string } }>().provider.id;
  const fetched = await app.http.inject({ method: 'POST', url: `/api/admin/providers/${providerId}/fetch-models`, headers: bearer(admin.accessToken) });
  if (fetched.statusCode !== 200) throw new Error(`fetch-models: ${fetched.statusCode} ${fetched.body}`);
  const models = fetched.json<{ models: Array<{ id: string; name: string }> }>().models;
  const modelId = models.find((model) => model.name === 'test-model')?.id ?? '';
  return {
    app, baseUrl, double, admin, modelId,
    close: async () => {
      await app.close();
      await double.close();
    },
  };
}
