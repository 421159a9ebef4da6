import type { ChatServerMessage, SessionResponse } from '@claraverse/shared';
import type { AppOverrides } from '../app.js';
import { createRedisCounterStore } from '../platform/counters/redis-counter-store.js';
import { startOpenAiDouble, type OpenAiMediaDouble } from './llm-doubles/openai-double.js';
import { createTestApp, testDialect, type TestApp } from './create-test-app.js';
import { bearer, registerAdmin } from './factories.js';
import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from './redis-test-keys.js';
import { connectTestSocket, type TestSocketClient } from './socket-client.js';

type Received = ChatServerMessage | { type: 'ready'; userId: string } | { type: 'error'; code: string; message: string };

/** A chat socket client that records every message and lets a test wait for one. */
export type ChatClient = TestSocketClient<Received>;

/** Opens `/ws/chat`, authenticates with `token` and waits for `ready`. */
export function connectChat(baseUrl: string, token: string): Promise<ChatClient> {
  return connectTestSocket<Received>(baseUrl, '/ws/chat', token);
}

export interface ChatHarness {
  app: TestApp;
  baseUrl: string;
  double: OpenAiMediaDouble;
  admin: SessionResponse;
  /** Id of the double's `test-model` in ClaraVerse. */
  modelId: string;
  /** Starts another listening instance of the same deployment (database, secrets, Redis): scale-out mode only. */
  startPeer(): Promise<{ app: TestApp; baseUrl: string }>;
  close(): Promise<void>;
}

/** What makes an app run in scale-out mode on `redisUrl` with keys of its own (deleted by `drop`). */
function redisMode(redisUrl: string, prefix: string): { env: Record<string, string>; overrides: () => AppOverrides; drop: () => Promise<void> } {
  return {
    env: { REDIS_URL: redisUrl },
    overrides: () => ({ redisKeyPrefix: `${prefix}chat:`, counters: createRedisCounterStore(redisUrl, `${prefix}counter:`) }),
    drop: () => deleteRedisKeys(redisUrl, prefix),
  };
}

async function listen(app: TestApp): Promise<string> {
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
}

/**
 * A listening app whose admin configured an OpenAI-compatible provider pointing at a local double and
 * fetched its models: everything a chat test needs. Like a deployment, it runs in scale-out mode (running
 * replies in Redis) on PostgreSQL and in single-machine mode on SQLite, so the chat suites cover both;
 * `redisUrl` or `CHAT_TEST_REDIS_URL` turns scale-out mode on anyway.
 */
export async function startChatHarness(env: Record<string, string> = {}, options: { redisUrl?: string; overrides?: AppOverrides } = {}): Promise<ChatHarness> {
  const redisUrl = options.redisUrl ?? process.env.CHAT_TEST_REDIS_URL ?? (testDialect === 'postgres' ? testRedisUrl : undefined);
  const redis = redisUrl ? redisMode(redisUrl, uniqueRedisPrefix('chat-test')) : null;
  const double = await startOpenAiDouble({ apiKey: 'test-key', models: ['test-model', 'other-model'] });
  const app = await createTestApp({ env: { ...redis?.env, ...env }, overrides: { ...redis?.overrides(), ...options.overrides } });
  const baseUrl = await listen(app);
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
  const peers: TestApp[] = [];
  return {
    app, baseUrl, double, admin, modelId,
    async startPeer() {
      if (!redis) throw new Error('a second instance needs the harness in scale-out mode (redisUrl)');
      const peer = await createTestApp({ peerOf: app, env: { ...redis.env, ...env }, overrides: redis.overrides() });
      peers.push(peer);
      return { app: peer, baseUrl: await listen(peer) };
    },
    close: async () => {
      for (const peer of peers) await peer.close();
      await app.close();
      await double.close();
      await redis?.drop();
    },
  };
}
