import type { FastifyInstance } from 'fastify';
import { createAgentsModule, type AgentsModule } from './agents/index.js';
import { createApiKeyAuthenticator } from './api-keys/api-key-authenticator.js';
import { apiKeysRoutes } from './api-keys/api-keys.routes.js';
import { createApiKeysRepository } from './api-keys/api-keys.repository.js';
import { createApiKeysService } from './api-keys/api-keys.service.js';
import { createAuditRepository } from './audit/audit.repository.js';
import { createAuditService } from './audit/audit.service.js';
import { registerChatSocket } from './chat/chat.socket.js';
import { createChatService } from './chat/chat.service.js';
import { createChatStores } from './chat/chat-stores.js';
import { createUsageRepository } from './chat/usage.repository.js';
import { toolCatalog } from './tools/catalog/index.js';
import { createServiceUrlMapper } from './integrations/service-url.js';
import { integrationCatalog } from './integrations/catalog/index.js';
import type { IntegrationDefinition } from './integrations/define-integration.js';
import { createIntegrationDirectory } from './integrations/integration-directory.js';
import { integrationsRoutes } from './integrations/integrations.routes.js';
import { createCredentialsModule, type CredentialsModule } from './credentials/index.js';
import { createComposioModule } from './integrations/composio/index.js';
import { createKeyRing, createKeyRingCipher } from './platform/crypto/key-ring.js';
import { createToolContextFactory } from './tools/tool-context-factory.js';
import { createToolRegistry, type ToolRegistry } from './tools/tool-registry.js';
import { agentsToolSourceName } from './agents/as-tools/agents-tool-source.js';
import { registerAgentsMcpServer } from './agents/mcp-server/mcp-server.routes.js';
import { toolsRoutes } from './tools/tools.routes.js';
import { openAiCompatRoutes } from './openai-compat/openai-compat.routes.js';
import { createProvidersModule } from './providers/index.js';
import { createMcpModule, type McpConnectionTimings } from './mcp/index.js';
import { createLlmClient } from './providers/llm/create-llm-client.js';
import type { LlmClient } from './providers/llm/llm-client.js';
import { createAccessTokens } from './auth/access-tokens.js';
import { authRoutes } from './auth/auth.routes.js';
import { createAuthService } from './auth/auth.service.js';
import { createAuthenticator } from './auth/authenticator.js';
import { createRefreshTokens } from './auth/refresh-tokens.js';
import { createSessionsRepository } from './auth/sessions.repository.js';
import type { Config } from './config/config.js';
import { createChromiumDocumentRenderer, type ChromiumDocumentRenderer } from './documents/chromium-document-renderer.js';
import { createFilesModule } from './files/index.js';
import { registerExternalUploadRoute } from './files/external-upload.routes.js';
import { healthRoutes, registerSystemEndpoints } from './health/health.routes.js';
import type { CounterStore } from './platform/counters/counter-store.js';
import { createMemoryCounterStore } from './platform/counters/memory-counter-store.js';
import { createRedisCounterStore } from './platform/counters/redis-counter-store.js';
import type { Cipher } from './platform/crypto/cipher.js';
import { createArgon2PasswordHasher, type PasswordHasher } from './platform/crypto/password-hasher.js';
import { createDatabase, type DatabaseHandle } from './platform/database/database.js';
import { migrateToLatest } from './platform/database/migrate.js';
import { createHttpApp } from './platform/http/create-http-app.js';
import type { RouteSpec } from './platform/http/define-route.js';
import { mountRoutes } from './platform/http/mount-routes.js';
import { buildOpenApiDocument } from './platform/http/openapi.js';
import { createLogger, type Logger } from './platform/logging/logger.js';
import { createMetrics } from './platform/metrics/metrics.js';
import { createRealtimeHub } from './platform/realtime/realtime-hub.js';
import { createSandbox, type SandboxService } from './sandbox/sandbox.js';
import type { DynamicToolSource } from './tools/define-tool.js';
import { settingsAdminRoutes } from './settings/settings.routes.js';
import { createSettingsRepository } from './settings/settings.repository.js';
import { createSettingsService } from './settings/settings.service.js';
import { createAppOutboundHttp } from './platform/outbound-http/create-app-outbound-http.js';
import type { OutboundHttp } from './platform/outbound-http/outbound-http.js';
import { usersAdminRoutes } from './users/users-admin.routes.js';
import { createUsersAdminService } from './users/users-admin.service.js';
import { usersRoutes } from './users/users.routes.js';
import { createUsersService } from './users/users.service.js';
import { createUsersRepository } from './users/users.repository.js';
import { createMediaModels } from './tools/media/create-media-models.js';
import type { MediaModels, ToolFiles } from './tools/tool-ports.js';

/** Ports a test may replace; everything else is built from the config. */
export interface AppOverrides {
  logger?: Logger;
  passwordHasher?: PasswordHasher;
  counters?: CounterStore;
  llmClient?: LlmClient;
  now?: () => Date;
  /** Shorter MCP health-check and reconnect delays for tests. */
  mcpTimings?: Partial<McpConnectionTimings>;
  /** Prefix of the chat's Redis keys and channels in scale-out mode (tests keep apart with their own). */
  redisKeyPrefix?: string;
  /** The integrations offered (default: the whole catalogue); credential tests use their own. */
  integrations?: readonly IntegrationDefinition[];
}

export interface ClaraVerseApp {
  http: FastifyInstance;
  config: Config;
  database: DatabaseHandle;
  cipher: Cipher;
  realtimeHub: ReturnType<typeof createRealtimeHub>;
  /** The one SSRF-guarded HTTP client (OUTBOUND_ALLOWLIST + SearXNG + the admin allow-list) for tool contexts. */
  outboundHttp: OutboundHttp;
  /** Uploads and generated files as tools use them (the `ToolFiles` port). */
  toolFiles: ToolFiles;
  /** Admin MCP servers' tools and each user's bridge tools, for the tool registry. */
  mcpToolSource: DynamicToolSource;
  /** HTML → PDF in one shared headless Chromium, started on first use (html_to_pdf, create_document, create_presentation). */
  documentRenderer: ChromiumDocumentRenderer;
  /** Vision, image generation and editing, transcription through the configured providers (the media tools). */
  mediaModels: MediaModels;
  /** Runs code for the tools: Python (E2B, bubblewrap or Pyodide) and JavaScript (QuickJS). */
  sandbox: SandboxService;
  /** Users' integration credentials: the service, the tools' narrow resolver, the usable-tools filter. */
  credentials: CredentialsModule;
  /** Agents: their services, the run service (start, cancel) and routes. */
  agents: AgentsModule;
  /** Built-in and dynamic tools (MCP, bridge, agents) per user, as chat offers them. */
  toolRegistry: ToolRegistry;
  /** Stops accepting, finishes in-flight requests, closes sockets, queues and the database. */
  close(): Promise<void>;
}

/**
 * The composition root: config → logger, clock, database → ports → repositories → services → routes.
 * Runs migrations before it returns.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<ClaraVerseApp> {
  // 1. Config-level ports.
  const logger = overrides.logger ?? createLogger(config.logging.level);
  const now = overrides.now ?? (() => new Date());
  const startedAt = Date.now();
  const database = createDatabase(config.database);
  await migrateToLatest(database.db as never, logger, config.database.dialect === 'postgres' ? (config.database.schema ?? 'public') : undefined);
  const { db } = database;

  // 2. Ports.
  const metrics = createMetrics();
  // Provider keys and MCP secrets: sealed with the current key, opened with a previous one after a rotation.
  const cipher = createKeyRingCipher(config.crypto.masterKey, config.crypto.previousMasterKeys);
  const passwordHasher = overrides.passwordHasher ?? createArgon2PasswordHasher(config.auth.passwordHash);
  const counters = overrides.counters ?? (config.redis ? createRedisCounterStore(config.redis.url) : createMemoryCounterStore());
  const accessTokens = createAccessTokens({ secret: config.auth.jwtSecret, ttlSeconds: config.auth.accessTokenTtlSeconds, now });
  const documentRenderer = createChromiumDocumentRenderer({ chromiumPath: config.tools.chromiumPath, logger });

  // 3. Repositories.
  const usersRepository = createUsersRepository(db);
  const sessionsRepository = createSessionsRepository(db);
  const settingsRepository = createSettingsRepository(db);
  const auditRepository = createAuditRepository(db);
  const apiKeysRepository = createApiKeysRepository(db);
  const usageRepository = createUsageRepository(db);

  // 4. Services.
  const auditService = createAuditService({ auditRepository, logger, now });
  const settingsService = createSettingsService({ settingsRepository, auditService, now });
  const outboundHttp = createAppOutboundHttp(config, {
    logger,
    loadExtraAllowlist: async () => (await settingsService.getInstanceSettings()).outboundAllowlist,
  });
  settingsService.onInstanceSettingsUpdated(() => outboundHttp.invalidateAllowlist());
  // E2B when configured, else bubblewrap or the Pyodide fallback (detected at start outside tests, logged once).
  const sandbox = createSandbox({
    logger, e2b: config.tools.e2b ? { ...config.tools.e2b, http: outboundHttp } : null, detectNow: config.env !== 'test',
  });
  settingsService.onInstanceSettingsUpdated(() => providers.service.invalidateCaches());
  const refreshTokens = createRefreshTokens({ sessionsRepository, accessTokens, refreshTtlSeconds: config.auth.refreshTokenTtlSeconds, now });
  const authService = createAuthService({
    usersRepository, settingsRepository, settingsService, auditService, passwordHasher, refreshTokens, counters, now,
    loginLimits: { maxFailures: config.auth.maxLoginFailures, windowSeconds: config.auth.loginFailureWindowSeconds },
  });
  const usersService = createUsersService({ db, usersRepository, passwordHasher, auditService, now });
  const usersAdminService = createUsersAdminService({
    db, usersRepository, auditService, now, revokeSessionsOfUser: (userId) => refreshTokens.revokeAllOfUser(userId),
  });
  const apiKeysService = createApiKeysService({ apiKeysRepository, usersRepository, counters, auditService, now, keyLimitsEnabled: config.limits.enabled });
  const llmClient = overrides.llmClient ?? createLlmClient();
  const providers = createProvidersModule({
    db, cipher, llmClient, auditService, logger, now,
    isByokEnabled: async () => (await settingsService.getInstanceSettings()).byokEnabled,
  });
  if (config.providers.providersFile) await providers.service.importProvidersFile(config.providers.providersFile);
  // Running replies: in this process, or in Redis (with REDIS_URL) so any instance can resume, stop or answer them.
  const chatStores = await createChatStores({ config, logger, ...(overrides.redisKeyPrefix ? { redisKeyPrefix: overrides.redisKeyPrefix } : {}) });
  const files = createFilesModule({ db, config: config.files, now, logger });
  await files.init();
  const authenticator = { ...createAuthenticator({ accessTokens, usersRepository }), authenticateApiKey: createApiKeyAuthenticator(apiKeysService) };

  // 5. HTTP, realtime and routes.
  const realtimeHub = createRealtimeHub({
    logger,
    authenticate: async (token) => ({ userId: (await authenticator.userForToken(token)).id }),
    authTimeoutMs: config.realtime.authTimeoutMs,
    heartbeatIntervalMs: config.realtime.heartbeatIntervalMs,
    maxMessageBytes: config.realtime.maxMessageBytes,
    maxQueuedBytes: config.realtime.maxQueuedBytes,
    ...(config.rateLimit.enabled ? { connectsPerMinutePerIp: config.rateLimit.websocketConnectsPerMinute } : {}),
    metrics: {
      onConnectionOpened: (route) => metrics.websocketConnections.inc({ route }),
      onConnectionClosed: (route) => metrics.websocketConnections.dec({ route }),
      onMessageReceived: (route, type) => metrics.websocketMessages.inc({ route, type }),
    },
  });
  const mcp = createMcpModule({
    db, cipher, auditService, logger, now, hub: realtimeHub,
    roleOfUser: async (userId) => (await usersRepository.findById(userId))?.role ?? null,
    // A bridge signs in with a personal API key (scope mcp-bridge); an access token works too.
    authenticateBridge: async (token) =>
      token.startsWith('clv_')
        ? { userId: (await apiKeysService.authenticate(token, 'mcp-bridge')).userId }
        : { userId: (await authenticator.userForToken(token)).id },
    loadOutboundAllowlist: async () => [...config.outbound.allowlist, ...(await settingsService.getInstanceSettings()).outboundAllowlist],
    clientVersion: config.version,
    timings: { callTimeoutMs: config.tools.timeoutMs, ...overrides.mcpTimings },
  });
  const mediaModels = createMediaModels({
    llmClient, logger,
    listUserModels: (userId) => providers.service.listUserModels(userId),
    resolveModel: (userId, modelId) => providers.service.resolveModel(userId, modelId),
    findMediaProvider: (userId, flag) => providers.service.findMediaProvider(userId, flag),
  });
  const integrations = overrides.integrations ?? integrationCatalog;
  const integrationDirectory = createIntegrationDirectory(integrations, { isComposioConfigured: config.integrations.composio !== null });
  const serviceUrl = createServiceUrlMapper(config.integrations.baseUrls);
  const credentials = createCredentialsModule({
    db, keyRing: createKeyRing(config.crypto.masterKey, config.crypto.previousMasterKeys), directory: integrationDirectory, auditService, logger, now,
    http: outboundHttp, serviceUrl, testTimeoutMs: config.outbound.timeoutMs,
    composio: () => composio.actions ?? undefined,
  });
  // Gmail and Google Sheets through Composio: the tools' port (only with COMPOSIO_API_KEY) and the connect routes.
  const composio = createComposioModule({
    settings: config.integrations.composio, http: outboundHttp, masterKey: config.crypto.masterKey, counters, now,
    allowedOrigins: config.http.allowedOrigins,
    credentials: { saveCredential: (userId, input) => credentials.service.create(userId, input) },
  });
  const toolRegistry = createToolRegistry({
    catalog: [...toolCatalog, ...integrations.flatMap((integration) => integration.tools)],
    // Integration tools only for users with a credential of their integration.
    usableFilter: credentials.usableFilter,
    // The user's agents join as tools (`agent_<slug>`); `agents` is built below and asked only per request.
    dynamicSources: [mcp.toolSource, { listTools: (userId) => agents.toolSource.listTools(userId) }],
    onSourceError: (error) => logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'a tool source failed; its tools are hidden for this request'),
  });
  const createToolContext = createToolContextFactory({
    logger, now, files: files.toolFiles, searxngUrls: config.tools.searxngUrls,
    http: outboundHttp,
    serviceUrl,
    credentialsFor: credentials.credentialsFor,
    ...(composio.actions ? { composio: composio.actions } : {}),
    sandbox,
    documents: documentRenderer,
    media: mediaModels,
  });
  // Agents: the workflow engine on the server's ports, runs and their history, WS /ws/workflow, API triggers.
  const agents = createAgentsModule({
    db, cipher, logger, now, hub: realtimeHub, limitsEnabled: config.limits.enabled, counters,
    authenticateApiKey: (presented, scopes) => apiKeysService.authenticate(presented, scopes),
    // A run whose start block takes a file may only name one of the user's live uploads.
    checkUpload: (userId, fileId) => files.uploads.status(userId, fileId),
    ports: {
      llmClient,
      resolveModel: (userId, modelId) => providers.service.resolveModel(userId, modelId),
      listUserModels: (userId) => providers.service.listUserModels(userId),
      // Not agents as tools: a workflow calls agents through sub_agent blocks (depth and cycles are checked there).
      listTools: async (userId) => toolRegistry.listUsable(userId, (await toolRegistry.listForUser(userId, { interactive: false })).filter((tool) => tool.source !== agentsToolSourceName)),
      createToolContext,
      credentialIntegrations: async (userId) => new Map((await credentials.service.references(userId)).map((reference) => [reference.id, reference.integrationType])),
      credentialsFor: credentials.credentialsFor,
      http: outboundHttp, sandbox, toolTimeoutMs: config.tools.timeoutMs,
    },
    // The builder's catalogue offers integration tools without a credential too (it reports "Setup required").
    builder: {
      listTools: async (userId) => (await toolRegistry.listForUser(userId, { interactive: false })).filter((tool) => tool.source !== agentsToolSourceName),
      integrationOf: (integrationId) => {
        const integration = integrationDirectory.find(integrationId);
        return integration && integrationDirectory.unavailableReason(integration) === null ? { name: integration.name, category: integration.category } : undefined;
      },
      rateLimitPerMinute: config.rateLimit.enabled ? 20 : -1,
    },
  });
  const chatService = createChatService({
    resolveModel: (userId, modelId) => providers.service.resolveModel(userId, modelId),
    llmClient, streamBuffer: chatStores.streamBuffer, relay: chatStores.relay, usageRepository, logger, now,
    maxConcurrentRepliesPerUser: config.chat.maxConcurrentRepliesPerUser,
    files: files.toolFiles,
    tools: {
      registry: toolRegistry,
      createContext: createToolContext,
      maxSteps: config.tools.maxSteps,
      timeoutMs: config.tools.timeoutMs,
      predictorMaxTools: 5,
      resolvePredictor: async (userId) => {
        const { toolPredictorModelId } = await usersService.getPreferences(userId);
        return toolPredictorModelId ? providers.service.resolveModel(userId, toolPredictorModelId) : null;
      },
      markToolsUnsupported: (modelId) => providers.service.markToolsUnsupported(modelId),
    },
  });
  const http = await createHttpApp({ config, logger, metrics, preClose: () => realtimeHub.closeAll(1001, 'server shutting down') });
  await files.registerMultipart(http);
  const routes: RouteSpec[] = [
    ...healthRoutes({ database, version: config.version, startedAt }),
    ...authRoutes({ authService, refreshTtlSeconds: config.auth.refreshTokenTtlSeconds, authRateLimitPerMinute: config.rateLimit.authPerMinute }),
    ...usersRoutes({ usersService }),
    ...usersAdminRoutes({ usersAdminService }),
    ...settingsAdminRoutes({ settingsService }),
    ...apiKeysRoutes({ apiKeysService }),
    ...providers.routes,
    ...files.routes,
    ...mcp.routes,
    ...toolsRoutes({ registry: toolRegistry }),
    ...agents.routes,
    ...credentials.routes,
    ...composio.routes,
    ...integrationsRoutes({ directory: integrationDirectory }),
    ...openAiCompatRoutes({
      listUserModels: (userId) => providers.service.listUserModels(userId),
      resolveModel: (userId, modelId) => providers.service.resolveModel(userId, modelId),
      llmClient, usageRepository, now, agentModels: agents.agentModels,
    }),
  ];
  mountRoutes(http, routes, { authenticator, validateResponses: config.env !== 'production', rateLimitEnabled: config.rateLimit.enabled });
  registerSystemEndpoints(http, {
    metrics,
    metricsToken: config.metrics.token,
    openApiDocument: () => buildOpenApiDocument(routes, { title: 'ClaraVerse API', version: config.version }),
  });
  registerChatSocket(http, { hub: realtimeHub, chatService });
  agents.registerSocket(http);
  mcp.registerBridgeSocket(http);
  // ClaraVerse's own MCP server (POST /mcp, API key scope mcp): the key owner's agents as tools.
  registerAgentsMcpServer(http, { authenticateApiKey: authenticator.authenticateApiKey, toolSource: agents.toolSource, createToolContext, version: config.version });
  // POST /api/external/upload: a personal API key (scope upload) uploads a file, e.g. for an agent's trigger input.
  registerExternalUploadRoute(http, {
    uploads: files.uploads, counters, rateLimitEnabled: config.rateLimit.enabled,
    authenticateApiKey: (presented, scope) => apiKeysService.authenticate(presented, [scope]),
  });
  await http.ready();
  providers.startModelRefresh({ intervalMs: config.providers.modelRefreshIntervalSeconds * 1000 });
  files.startSweep();
  await mcp.start();
  await agents.start();

  let closing: Promise<void> | null = null;
  return {
    http, config, database, cipher, realtimeHub, outboundHttp, mcpToolSource: mcp.toolSource, toolFiles: files.toolFiles, documentRenderer, mediaModels, sandbox, credentials, agents, toolRegistry,
    close: () =>
      (closing ??= (async () => {
        await chatService.stopAll();
        await agents.stop();
        await http.close();
        await mcp.stop();
        await providers.stop();
        await files.stop();
        await documentRenderer.close();
        await chatStores.close();
        await counters.close();
        await database.close();
      })()),
  };
}
