import { backoffDelayMs, type McpServerStatus } from '@claraverse/shared';
import { AppError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import type { McpCallResult } from './mcp-content.js';
import { createMcpClientSession, type DiscoveredTool, type McpClientSession, type McpServerRuntimeConfig } from './mcp-client-session.js';
import { describeConnectError, describeLostConnection } from './mcp-connection-errors.js';

/** Durations of the connection manager, milliseconds. */
export interface McpConnectionTimings {
  /** Handshake and tool discovery. */
  connectTimeoutMs: number;
  /** Between health checks (MCP `ping`) of a connected server. */
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** First reconnect delay; doubles per failed attempt up to `reconnectMaxMs`. */
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  /** One `tools/call`. */
  callTimeoutMs: number;
}

/** What the admin page shows of one server's connection. */
export interface McpServerState {
  status: McpServerStatus;
  lastError?: string;
  recentErrors: Array<{ at: string; message: string }>;
  processId: number | null;
  tools: readonly DiscoveredTool[];
}

interface Slot {
  config: McpServerRuntimeConfig;
  status: McpServerStatus;
  lastError?: string;
  recentErrors: Array<{ at: string; message: string }>;
  tools: DiscoveredTool[];
  session: McpClientSession | null;
  /** Bumped on every connect, failure and stop, so callbacks of an older attempt do nothing. */
  generation: number;
  /** Failed attempts since the last successful connection. */
  attempt: number;
  reconnectTimer?: NodeJS.Timeout;
  pingTimer?: NodeJS.Timeout;
  isRemoved: boolean;
}

const maxRecentErrors = 10;

export interface McpConnectionManagerDeps {
  timings: McpConnectionTimings;
  logger: Logger;
  now: () => Date;
  clientVersion: string;
  /** Refuses an HTTP server's URL that the outbound rules do not allow. @throws AppError */
  checkUrl(url: string): Promise<void>;
  /** Persists the tools found on a server (errors are logged, the connection stays). */
  onToolsDiscovered(serverId: string, tools: readonly DiscoveredTool[]): Promise<void>;
}

function setStatus(deps: McpConnectionManagerDeps, slot: Slot, status: McpServerStatus, error?: string): void {
  slot.status = status;
  if (error === undefined) {
    delete slot.lastError;
  } else {
    slot.lastError = error;
    slot.recentErrors.unshift({ at: deps.now().toISOString(), message: error });
    slot.recentErrors.length = Math.min(slot.recentErrors.length, maxRecentErrors);
  }
}

function clearTimers(slot: Slot): void {
  clearTimeout(slot.reconnectTimer);
  clearTimeout(slot.pingTimer);
}

/** Ends the current attempt or connection, waiting until a stdio child is gone. */
async function stop(deps: McpConnectionManagerDeps, slot: Slot): Promise<void> {
  slot.generation += 1;
  clearTimers(slot);
  const session = slot.session;
  slot.session = null;
  await session?.close().catch((error: unknown) => deps.logger.warn({ err: error, mcpServer: slot.config.name }, 'closing an MCP server failed'));
}

async function fail(deps: McpConnectionManagerDeps, slot: Slot, generation: number, message: string): Promise<void> {
  if (generation !== slot.generation || slot.isRemoved) return;
  // Status first (synchronously): a call that just failed with this connection sees `error` at once.
  setStatus(deps, slot, 'error', message);
  await stop(deps, slot);
  // The message may quote the server's stderr: only the name and the attempt go to the log.
  deps.logger.warn({ mcpServer: slot.config.name, attempt: slot.attempt }, 'MCP server connection failed; reconnecting with backoff');
  const delay = backoffDelayMs(slot.attempt, { baseMs: deps.timings.reconnectBaseMs, maxMs: deps.timings.reconnectMaxMs });
  slot.attempt += 1;
  const scheduled = slot.generation;
  slot.reconnectTimer = setTimeout(() => {
    if (scheduled === slot.generation && !slot.isRemoved) void connect(deps, slot);
  }, delay);
  slot.reconnectTimer.unref();
}

function schedulePing(deps: McpConnectionManagerDeps, slot: Slot, generation: number): void {
  slot.pingTimer = setTimeout(() => {
    const session = slot.session;
    if (generation !== slot.generation || !session) return;
    session.ping(deps.timings.pingTimeoutMs).then(
      () => schedulePing(deps, slot, generation),
      () => fail(deps, slot, generation, `The server did not answer a health check within ${Math.round(deps.timings.pingTimeoutMs / 1000)} s`),
    );
  }, deps.timings.pingIntervalMs);
  slot.pingTimer.unref();
}

async function connect(deps: McpConnectionManagerDeps, slot: Slot): Promise<void> {
  slot.generation += 1;
  const generation = slot.generation;
  setStatus(deps, slot, 'connecting');
  let session: McpClientSession | null = null;
  try {
    if (slot.config.transport === 'http' && slot.config.url) await deps.checkUrl(slot.config.url);
    if (generation !== slot.generation) return;
    const created = createMcpClientSession(slot.config, {
      clientVersion: deps.clientVersion,
      onClose: () => {
        if (generation === slot.generation && slot.session === created) void fail(deps, slot, generation, describeLostConnection(slot.config, created));
      },
    });
    session = created;
    slot.session = created;
    await created.connect(deps.timings.connectTimeoutMs);
    const tools = await created.listTools(deps.timings.connectTimeoutMs);
    if (generation !== slot.generation) return;
    slot.tools = tools;
    await deps.onToolsDiscovered(slot.config.id, tools).catch((error: unknown) => deps.logger.error({ err: error, mcpServer: slot.config.name }, 'saving discovered MCP tools failed'));
    if (generation !== slot.generation) return;
    slot.attempt = 0;
    setStatus(deps, slot, 'connected');
    deps.logger.info({ mcpServer: slot.config.name, toolCount: tools.length }, 'MCP server connected');
    schedulePing(deps, slot, generation);
  } catch (error) {
    await fail(deps, slot, generation, describeConnectError(slot.config, error, session));
  }
}

/**
 * Keeps one live connection per enabled admin MCP server: connects, discovers tools, pings every
 * `pingIntervalMs`, reconnects with exponential backoff after a failure, and closes (for stdio: kills) the
 * server on stop, removal and shutdown.
 */
export function createMcpConnectionManager(deps: McpConnectionManagerDeps) {
  const slots = new Map<string, Slot>();

  return {
    /**
     * Takes a server's (new) settings: closes its current connection, waiting for a stdio child to exit, then
     * connects in the background when it is enabled.
     */
    async apply(config: McpServerRuntimeConfig): Promise<void> {
      let slot = slots.get(config.id);
      if (slot) {
        await stop(deps, slot);
        slot.config = config;
        slot.attempt = 0;
        slot.tools = [];
      } else {
        slot = { config, status: 'connecting', recentErrors: [], tools: [], session: null, generation: 0, attempt: 0, isRemoved: false };
        slots.set(config.id, slot);
      }
      if (config.enabled) void connect(deps, slot);
      else setStatus(deps, slot, 'disabled');
    },

    /** Keeps a server that cannot be started (its secrets cannot be read) in `error`, without retrying. */
    async applyBroken(config: McpServerRuntimeConfig, message: string): Promise<void> {
      await this.apply({ ...config, enabled: false });
      const slot = slots.get(config.id);
      if (slot) setStatus(deps, slot, 'error', message);
    },

    /** Closes a deleted server's connection (its child is gone when this resolves). */
    async remove(serverId: string): Promise<void> {
      const slot = slots.get(serverId);
      if (!slot) return;
      slot.isRemoved = true;
      slots.delete(serverId);
      await stop(deps, slot);
    },

    stateOf(serverId: string): McpServerState | undefined {
      const slot = slots.get(serverId);
      if (!slot) return undefined;
      return {
        status: slot.status,
        ...(slot.lastError !== undefined ? { lastError: slot.lastError } : {}),
        recentErrors: [...slot.recentErrors],
        processId: slot.session?.processId ?? null,
        tools: slot.tools,
      };
    },

    /** The servers that are connected now, with their tools. */
    connectedServers(): Array<{ config: McpServerRuntimeConfig; tools: readonly DiscoveredTool[] }> {
      return [...slots.values()].filter((slot) => slot.status === 'connected').map((slot) => ({ config: slot.config, tools: slot.tools }));
    },

    /**
     * Calls a tool on a connected server with the call timeout.
     * @throws AppError `upstream_unavailable` when the server is not connected; McpCallFailure when the call fails.
     */
    async callTool(serverId: string, toolName: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<McpCallResult> {
      const slot = slots.get(serverId);
      const session = slot?.session;
      if (!slot || !session || slot.status !== 'connected') {
        const reason = slot?.lastError ? `: ${slot.lastError}` : '';
        throw new AppError('upstream_unavailable', `The MCP server "${slot?.config.name ?? serverId}" is not connected${reason}`);
      }
      return session.callTool(toolName, args, { timeoutMs: deps.timings.callTimeoutMs, ...(signal ? { signal } : {}) });
    },

    /** Closes every connection and kills every stdio child (shutdown). */
    async stopAll(): Promise<void> {
      const all = [...slots.values()];
      slots.clear();
      await Promise.all(all.map(async (slot) => {
        slot.isRemoved = true;
        await stop(deps, slot);
      }));
    },
  };
}
export type McpConnectionManager = ReturnType<typeof createMcpConnectionManager>;
