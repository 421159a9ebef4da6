import {
  bridgeClientMessageSchema,
  bridgeCloseCodes,
  type BridgeClientMessage,
  type BridgeRouteServerMessage,
} from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import type { RealtimeHub } from '../../platform/realtime/realtime-hub.js';
import type { BridgeSessions } from './bridge-sessions.js';

/** The path bridges connect to. */
export const bridgeSocketPath = '/mcp/connect';

/**
 * `WS /mcp/connect`: the hub's `auth` first (a personal API key with scope `mcp-bridge`, or an access token;
 * see `authenticate`), then `bridge.register` → `bridge.ack`, `bridge.tool-call` ⇄ `bridge.tool-result`,
 * `bridge.heartbeat`, `bridge.disconnect`. A closed socket takes its tools with it.
 */
export function registerBridgeSocket(
  app: FastifyInstance,
  deps: { hub: RealtimeHub; bridgeSessions: BridgeSessions; authenticate(token: string): Promise<{ userId: string }> },
): void {
  const { bridgeSessions } = deps;
  deps.hub.registerRoute<BridgeClientMessage, BridgeRouteServerMessage>(app, bridgeSocketPath, {
    authenticate: deps.authenticate,
    clientMessageSchema: bridgeClientMessageSchema,
    onMessage(connection, message) {
      switch (message.type) {
        case 'bridge.register':
          connection.send({ type: 'bridge.ack', ...bridgeSessions.register(connection, message) });
          return;
        case 'bridge.tool-result':
          bridgeSessions.receiveResult(connection, message);
          return;
        case 'bridge.heartbeat':
          if (!bridgeSessions.heartbeat(connection)) connection.send({ type: 'error', code: 'validation_failed', message: 'Send bridge.register first' });
          return;
        case 'bridge.disconnect':
          bridgeSessions.disconnect(connection);
          connection.close(bridgeCloseCodes.normal, 'bridge disconnected');
          return;
      }
    },
    onClose(connection) {
      bridgeSessions.disconnect(connection);
    },
  });
}
