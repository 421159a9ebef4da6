import type { SessionResponse } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../audit/audit.repository.js';
import { createAuditService } from '../audit/audit.service.js';
import { createAccessTokens } from '../auth/access-tokens.js';
import { createAuthenticator } from '../auth/authenticator.js';
import { UnauthenticatedError } from '../platform/errors/app-error.js';
import { createHttpApp } from '../platform/http/create-http-app.js';
import { mountRoutes } from '../platform/http/mount-routes.js';
import { createMetrics } from '../platform/metrics/metrics.js';
import { createCapturingLogger } from '../test/capture-logger.js';
import { createTestApp, type TestApp } from '../test/create-test-app.js';
import { registerAdmin, registerUser, setRegistrationMode } from '../test/factories.js';
import { createUsersRepository } from '../users/users.repository.js';
import { createProvidersModule, type ProvidersModule } from './index.js';
import type { ListedModel, LlmClient } from './llm/llm-client.js';

/** An LlmClient that lists fixed models and answers every prompt with the same text; for tests not about the LLM. */
export function createFakeLlmClient(options: { models?: ListedModel[]; reply?: string } = {}) {
  const listCalls: Array<{ baseUrl: string; apiKey: string | null }> = [];
  let models = options.models ?? [];
  const client: LlmClient = {
    async listModels(target) {
      listCalls.push({ baseUrl: target.baseUrl, apiKey: target.apiKey });
      return models;
    },
    async complete() {
      return { text: options.reply ?? 'ok', finishReason: 'stop', usage: { inputTokens: 5, outputTokens: 5 } };
    },
    // eslint-disable-next-line require-yield -- the fake never streams
    async *streamChat() {
      throw new Error('streamChat is not faked');
    },
  };
  return { client, listCalls, setModels: (next: ListedModel[]) => (models = next) };
}

export interface ProvidersHarness {
  app: TestApp;
  /** A Fastify instance with only the providers routes (app.ts is not wired yet). */
  http: FastifyInstance;
  module: ProvidersModule;
  admin: SessionResponse;
  /** Lines logged by the providers module. */
  logLines: string[];
  setByokEnabled(value: boolean): void;
  /** Registers and returns a signed-in regular user. */
  newUser(): Promise<SessionResponse>;
  close(): Promise<void>;
}

/**
 * A fresh test app (SQLite or a PostgreSQL schema) plus a second Fastify instance that mounts the providers
 * routes with the same JWT secret and database, so the app's users can call them.
 */
export async function createProvidersHarness(options: { llmClient?: LlmClient; allowPrivateOwnProviderUrls?: boolean } = {}): Promise<ProvidersHarness> {
  const app = await createTestApp();
  const admin = await registerAdmin(app);
  await setRegistrationMode(app, admin.accessToken, 'open');
  const { logger, lines } = createCapturingLogger();
  const now = () => new Date();
  let isByokEnabled = true;
  const db = app.database.db;
  const module = createProvidersModule({
    db,
    cipher: app.cipher,
    llmClient: options.llmClient ?? createFakeLlmClient().client,
    auditService: createAuditService({ auditRepository: createAuditRepository(db), logger, now }),
    logger,
    now,
    isByokEnabled: async () => isByokEnabled,
    ...(options.allowPrivateOwnProviderUrls === undefined ? {} : { allowPrivateOwnProviderUrls: options.allowPrivateOwnProviderUrls }),
  });
  const http = await createHttpApp({ config: app.config, logger, metrics: createMetrics(), preClose: async () => undefined });
  const accessTokens = createAccessTokens({ secret: app.config.auth.jwtSecret, ttlSeconds: app.config.auth.accessTokenTtlSeconds, now });
  const authenticator = {
    ...createAuthenticator({ accessTokens, usersRepository: createUsersRepository(db) }),
    authenticateApiKey: () => Promise.reject(new UnauthenticatedError('API keys are not used by the providers routes')),
  };
  mountRoutes(http, module.routes, { authenticator, validateResponses: true, rateLimitEnabled: false });
  await http.ready();
  return {
    app, http, module, admin, logLines: lines,
    setByokEnabled: (value) => (isByokEnabled = value),
    async newUser() {
      const response = await registerUser(app);
      if (response.statusCode !== 201) throw new Error(`registration failed: ${response.statusCode} ${response.body}`);
      return response.json<SessionResponse>();
    },
    async close() {
      await module.stop();
      await http.close();
      await app.close();
    },
  };
}
