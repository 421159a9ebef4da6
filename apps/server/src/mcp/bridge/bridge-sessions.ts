import { randomUUID } from 'node:crypto';
import {
  bridgeCloseCodes,
  type bridgeRegisterMessageSchema,
  type BridgeRouteServerMessage,
  type BridgeTool,
  type bridgeToolResultMessageSchema,
  type UserBridge,
} from '@claraverse/shared';
import type { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import type { RealtimeConnection } from '../../platform/realtime/realtime-hub.js';
import { McpCallFailure } from '../mcp-client-session.js';
import type { McpCallResult } from '../mcp-content.js';
import { registryToolName, slugOf } from '../mcp-tool-names.js';

type BridgeConnection = RealtimeConnection<BridgeRouteServerMessage>;
type RegisterMessage = z.infer<typeof bridgeRegisterMessageSchema>;
type ToolResultMessage = z.infer<typeof bridgeToolResultMessageSchema>;

/** A bridge tool with the name the model calls. */
export interface RegisteredBridgeTool extends BridgeTool {
  registryName: string;
}

interface PendingCall {
  settle(result: McpCallResult): void;
  fail(failure: McpCallFailure): void;
}

interface BridgeSession {
  connection: BridgeConnection;
  clientId: string;
  clientVersion: string;
  platform: string;
  tools: RegisteredBridgeTool[];
  connectedAt: Date;
  lastHeartbeatAt: Date | null;
  pending: Map<string, PendingCall>;
}

const notConnected = () => new AppError('upstream_unavailable', 'Your bridge is not connected; start claraverse-bridge on your computer');

/** Unique registry names; a second tool of the same name (after sanitising) is dropped. */
function registryToolsOf(tools: readonly BridgeTool[]): RegisteredBridgeTool[] {
  const byName = new Map<string, RegisteredBridgeTool>();
  for (const tool of tools) {
    const registryName = registryToolName(slugOf(tool.server), tool.name);
    if (!byName.has(registryName)) byName.set(registryName, { ...tool, registryName });
  }
  return [...byName.values()];
}

/** Sends one `bridge.tool-call` on a session and settles with its result, a timeout, a cancel or a drop. */
function callThroughBridge(
  session: BridgeSession,
  callTimeoutMs: number,
  call: { server: string; tool: string; args: Record<string, unknown>; signal?: AbortSignal },
): Promise<McpCallResult> {
  const { signal } = call;
  const callId = randomUUID();
  return new Promise<McpCallResult>((resolve, reject) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      session.pending.delete(callId);
    };
    const giveUp = (failure: McpCallFailure): void => {
      finish();
      session.connection.send({ type: 'bridge.tool-cancel', callId });
      reject(failure);
    };
    const onAbort = (): void => giveUp(new McpCallFailure('cancelled', 'The call was cancelled'));
    const timer = setTimeout(() => giveUp(new McpCallFailure('timeout', 'did not answer in time')), callTimeoutMs);
    timer.unref();
    session.pending.set(callId, {
      settle: (result) => {
        finish();
        resolve(result);
      },
      fail: (failure) => {
        finish();
        reject(failure);
      },
    });
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const isSent = session.connection.send({ type: 'bridge.tool-call', callId, server: call.server, tool: call.tool, arguments: call.args, timeoutMs: callTimeoutMs });
    if (!isSent) session.pending.get(callId)?.fail(new McpCallFailure('disconnected', 'Your bridge disconnected before the call could be sent'));
  });
}

/**
 * Users' bridges (one per user, in memory): their registered tools, heartbeats, and the calls in flight,
 * matched to results by `callId` and bounded by `callTimeoutMs`. A newer registration of the same user
 * replaces the older session, which is told so and closed with 4409.
 */
export function createBridgeSessions(deps: { callTimeoutMs: number; now: () => Date }) {
  const sessions = new Map<string, BridgeSession>();

  const sessionOf = (connection: BridgeConnection): BridgeSession | undefined => {
    const session = sessions.get(connection.userId);
    return session?.connection === connection ? session : undefined;
  };

  function failPending(session: BridgeSession, message: string): void {
    for (const call of [...session.pending.values()]) call.fail(new McpCallFailure('disconnected', message));
  }

  return {
    /** Registers (or re-registers) the tools of a connection; returns what `bridge.ack` says. */
    register(connection: BridgeConnection, message: RegisterMessage): { toolsRegistered: number; replacedPrevious: boolean } {
      const previous = sessions.get(connection.userId);
      const tools = registryToolsOf(message.tools);
      if (previous?.connection === connection) {
        Object.assign(previous, { clientId: message.clientId, clientVersion: message.clientVersion, platform: message.platform, tools });
        return { toolsRegistered: tools.length, replacedPrevious: false };
      }
      sessions.set(connection.userId, {
        connection, clientId: message.clientId, clientVersion: message.clientVersion, platform: message.platform, tools,
        connectedAt: deps.now(), lastHeartbeatAt: null, pending: new Map(),
      });
      if (previous) {
        failPending(previous, 'Your bridge was replaced by a newer one during the call');
        previous.connection.send({ type: 'bridge.replaced', message: 'Another claraverse-bridge of your account connected and replaced this one' });
        previous.connection.close(bridgeCloseCodes.replaced, 'replaced by a newer bridge');
      }
      return { toolsRegistered: tools.length, replacedPrevious: previous !== undefined };
    },

    /** @returns false when the connection has not registered. */
    heartbeat(connection: BridgeConnection): boolean {
      const session = sessionOf(connection);
      if (session) session.lastHeartbeatAt = deps.now();
      return session !== undefined;
    },

    /** Settles the call a result answers; late results (after a timeout) and unknown ids are ignored. */
    receiveResult(connection: BridgeConnection, message: ToolResultMessage): void {
      const call = sessionOf(connection)?.pending.get(message.callId);
      call?.settle({ content: message.content, isError: message.isError, ...(message.structuredContent ? { structuredContent: message.structuredContent } : {}) });
    },

    /** Forgets the connection's session (its tools go at once) and fails its calls in flight. */
    disconnect(connection: BridgeConnection): void {
      const session = sessionOf(connection);
      if (!session) return;
      sessions.delete(connection.userId);
      failPending(session, 'Your bridge disconnected during the call');
    },

    toolsOf(userId: string): readonly RegisteredBridgeTool[] {
      return sessions.get(userId)?.tools ?? [];
    },

    /** Who the bridge is, for the audit trail. */
    clientIdOf: (userId: string): string | null => sessions.get(userId)?.clientId ?? null,

    statusOf(userId: string): UserBridge {
      const session = sessions.get(userId);
      return {
        connected: session !== undefined,
        clientId: session?.clientId ?? null,
        clientVersion: session?.clientVersion ?? null,
        platform: session?.platform ?? null,
        connectedAt: session?.connectedAt.toISOString() ?? null,
        lastHeartbeatAt: session?.lastHeartbeatAt?.toISOString() ?? null,
        tools: (session?.tools ?? []).map((tool) => ({ registryName: tool.registryName, server: tool.server, name: tool.name, description: tool.description })),
      };
    },

    /**
     * Sends a `bridge.tool-call` to the user's bridge and waits for its result.
     * @throws AppError `upstream_unavailable` when no bridge is connected; McpCallFailure on timeout,
     *   disconnection or cancellation (the bridge is then sent `bridge.tool-cancel`).
     */
    call(userId: string, server: string, tool: string, args: Record<string, unknown>, signal?: AbortSignal): Promise<McpCallResult> {
      const session = sessions.get(userId);
      if (!session) return Promise.reject(notConnected());
      return callThroughBridge(session, deps.callTimeoutMs, { server, tool, args, ...(signal ? { signal } : {}) });
    },
  };
}
export type BridgeSessions = ReturnType<typeof createBridgeSessions>;
