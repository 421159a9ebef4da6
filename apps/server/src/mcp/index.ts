import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { Cipher } from '../platform/crypto/cipher.js';
import type { Database } from '../platform/database/tables.js';
import type { RouteSpec } from '../platform/http/define-route.js';
import type { Logger } from '../platform/logging/logger.js';
import type { RealtimeHub } from '../platform/realtime/realtime-hub.js';
import type { DynamicToolSource } from '../tools/define-tool.js';
import { createBridgeSessions } from './bridge/bridge-sessions.js';
import { bridgeRoutes } from './bridge/bridge.routes.js';
import { registerBridgeSocket } from './bridge/bridge.socket.js';
import { mcpAdminRoutes } from './mcp-admin.routes.js';
import { createMcpConnectionManager, type McpConnectionTimings } from './mcp-connection-manager.js';
import { createMcpServersRepository } from './mcp-servers.repository.js';
import { createMcpServersService, storeDiscoveredTools } from './mcp-servers.service.js';
import { createMcpToolSource } from './mcp-tool-source.js';
import { assertMcpUrlAllowed } from './mcp-url-policy.js';

export type { McpConnectionTimings } from './mcp-connection-manager.js';

export interface McpModuleDeps {
  db: Kysely<Database>;
  cipher: Cipher;
  auditService: AuditService;
  logger: Logger;
  now: () => Date;
  hub: RealtimeHub;
  /** The user's role (admin servers may be limited to roles); null for an unknown user. */
  roleOfUser(userId: string): Promise<'user' | 'admin' | null>;
  /** Resolves a bridge's `auth` token (personal API key with scope `mcp-bridge`, or an access token). @throws to refuse */
  authenticateBridge(token: string): Promise<{ userId: string }>;
  /** The outbound allow-list entries (`OUTBOUND_ALLOWLIST` and the admin setting), read before each check. */
  loadOutboundAllowlist(): Promise<readonly string[]>;
  /** Sent as the MCP client version. */
  clientVersion: string;
  /** `callTimeoutMs` defaults to the tool timeout of the config; tests shorten the rest. */
  timings: Partial<McpConnectionTimings> & { callTimeoutMs: number };
}

const defaultTimings = {
  connectTimeoutMs: 30_000,
  pingIntervalMs: 30_000,
  pingTimeoutMs: 10_000,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 300_000,
};

/**
 * The MCP domain: admin MCP servers (CRUD, connections, discovered tools), users' bridges over
 * `WS /mcp/connect`, and the dynamic tool source that offers both to the tool registry.
 */
export function createMcpModule(deps: McpModuleDeps) {
  const timings: McpConnectionTimings = { ...defaultTimings, ...deps.timings };
  const repository = createMcpServersRepository(deps.db);
  const manager = createMcpConnectionManager({
    timings, logger: deps.logger, now: deps.now, clientVersion: deps.clientVersion,
    checkUrl: async (url) => {
      await assertMcpUrlAllowed(url, await deps.loadOutboundAllowlist());
    },
    onToolsDiscovered: (serverId, tools) => storeDiscoveredTools({ repository, now: deps.now }, serverId, tools),
  });
  const mcpServersService = createMcpServersService({
    repository, manager, cipher: deps.cipher, auditService: deps.auditService, logger: deps.logger, now: deps.now,
    loadOutboundAllowlist: deps.loadOutboundAllowlist,
  });
  const bridgeSessions = createBridgeSessions({ callTimeoutMs: timings.callTimeoutMs, now: deps.now });
  const toolSource: DynamicToolSource = createMcpToolSource({
    manager, bridgeSessions, auditService: deps.auditService, roleOfUser: deps.roleOfUser, callTimeoutMs: timings.callTimeoutMs,
  });
  const routes: RouteSpec[] = [...mcpAdminRoutes({ mcpServersService }), ...bridgeRoutes({ bridgeSessions })];

  return {
    routes,
    /** Admin servers' and the user's bridge tools, for the tool registry. */
    toolSource,
    /** Mounts `WS /mcp/connect` (before `app.ready()`). */
    registerBridgeSocket: (app: FastifyInstance) => registerBridgeSocket(app, { hub: deps.hub, bridgeSessions, authenticate: deps.authenticateBridge }),
    /** Connects the enabled servers in the background. */
    start: () => mcpServersService.startAll(),
    /** Closes every connection; no stdio child outlives this. */
    stop: () => manager.stopAll(),
  };
}
export type McpModule = ReturnType<typeof createMcpModule>;
