import { realtimeCloseCodes } from '@claraverse/shared';
import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { closeSocketWithGrace } from './close-socket.js';
import { createHeartbeat } from './heartbeat.js';
import { startRealtimeSession } from './realtime-session.js';
import type { RealtimeConnection, RealtimeHub, RealtimeHubOptions } from './realtime-types.js';

export type {
  RealtimeConnection,
  RealtimeHub,
  RealtimeHubOptions,
  RealtimeLogger,
  RealtimeMetrics,
  RealtimeRouteHandler,
  TypedMessage,
} from './realtime-types.js';

const defaultAuthTimeoutMs = 5_000;
const defaultHeartbeatIntervalMs = 30_000;
const defaultMaxMessageBytes = 1024 * 1024;
const defaultMaxQueuedBytes = 4 * 1024 * 1024;
const defaultCloseGraceMs = 2_000;
const defaultShutdownReason = 'server shutting down';

/**
 * Creates the realtime hub: it authenticates sockets with a first `auth` message (never a URL token), answers
 * `ping`, validates every client message against the route's zod schema, keeps a per-user registry for
 * broadcasts, pings sockets to evict dead ones, and bounds each socket's send backlog. See README.md.
 *
 * Wire `closeAll` into shutdown before `app.close()` (for example as `@fastify/websocket`'s `preClose` option),
 * and set that plugin's `options.maxPayload` to `maxMessageBytes` so oversize frames are refused before they are
 * buffered.
 *
 * @example
 * const hub = createRealtimeHub({ logger, authenticate: (token) => authService.verifyAccessToken(token) });
 * await app.register(websocket, { preClose: () => hub.closeAll(), options: { maxPayload: 1024 * 1024 } });
 * hub.registerRoute(app, '/api/realtime/chat', { clientMessageSchema: chatClientMessageSchema, onMessage });
 */
export function createRealtimeHub(options: RealtimeHubOptions): RealtimeHub {
  const { logger, metrics } = options;
  const settings = {
    authTimeoutMs: options.authTimeoutMs ?? defaultAuthTimeoutMs,
    maxMessageBytes: options.maxMessageBytes ?? defaultMaxMessageBytes,
    maxQueuedBytes: options.maxQueuedBytes ?? defaultMaxQueuedBytes,
    closeGraceMs: options.closeGraceMs ?? defaultCloseGraceMs,
  };
  const heartbeat = createHeartbeat(options.heartbeatIntervalMs ?? defaultHeartbeatIntervalMs);
  /** Every open socket, ready or not, so shutdown reaches sockets still authenticating. */
  const sockets = new Set<WebSocket>();
  const connectionsByUser = new Map<string, Set<RealtimeConnection>>();
  let shutdown: { code: number; reason: string } | undefined;
  const warnedApps = new WeakSet<FastifyInstance>();

  function addConnection(connection: RealtimeConnection): void {
    const connections = connectionsByUser.get(connection.userId) ?? new Set<RealtimeConnection>();
    connections.add(connection);
    connectionsByUser.set(connection.userId, connections);
  }

  function removeConnection(connection: RealtimeConnection): void {
    const connections = connectionsByUser.get(connection.userId);
    connections?.delete(connection);
    if (connections?.size === 0) {
      connectionsByUser.delete(connection.userId);
    }
  }

  function warnIfPayloadLimitIsLooser(app: FastifyInstance): void {
    const pluginLimit = app.websocketServer.options.maxPayload ?? Number.POSITIVE_INFINITY;
    if (pluginLimit > settings.maxMessageBytes && !warnedApps.has(app)) {
      warnedApps.add(app);
      logger.warn(
        { pluginMaxPayload: pluginLimit, maxMessageBytes: settings.maxMessageBytes },
        'set @fastify/websocket options.maxPayload to maxMessageBytes so oversize frames are not buffered',
      );
    }
  }

  return {
    registerRoute(app, path, handler) {
      warnIfPayloadLimitIsLooser(app);
      // The request (and its query string) is deliberately unused: a `?token=` must never authenticate.
      const websocketHandler: WebsocketHandler = (socket) => {
        if (shutdown) {
          closeSocketWithGrace(socket, shutdown.code, shutdown.reason, settings.closeGraceMs);
          return;
        }
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        const session = startRealtimeSession({
          socket,
          route: path,
          handler,
          logger,
          authenticate: handler.authenticate ?? options.authenticate,
          ...settings,
          metrics,
          onReady: addConnection,
          onClosed: removeConnection,
        });
        heartbeat.watch(socket, () => session.logger.info('realtime connection missed a heartbeat, terminating'));
      };
      // The upgrade is an HTTP request, so @fastify/rate-limit (registered by the app) can refuse it with 429.
      const rateLimit = options.connectsPerMinutePerIp
        ? { rateLimit: { max: options.connectsPerMinutePerIp, timeWindow: '1 minute', allowList: () => false } }
        : {};
      app.get(path, { websocket: true, config: rateLimit }, websocketHandler);
      logger.debug({ route: path }, 'realtime route registered');
    },

    connectionsOf(userId) {
      return [...(connectionsByUser.get(userId) ?? [])];
    },

    broadcastToUser(userId, message) {
      let delivered = 0;
      for (const connection of connectionsByUser.get(userId) ?? []) {
        if (connection.send(message)) {
          delivered += 1;
        }
      }
      return delivered;
    },

    async closeAll(code = realtimeCloseCodes.goingAway, reason = defaultShutdownReason) {
      shutdown = { code, reason };
      const closed = [...sockets].map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) {
              resolve();
              return;
            }
            socket.once('close', () => resolve());
            closeSocketWithGrace(socket, code, reason, settings.closeGraceMs);
          }),
      );
      logger.info({ closeCode: code, socketCount: closed.length }, 'closing all realtime connections');
      await Promise.all(closed);
      heartbeat.stop();
    },

    count() {
      let total = 0;
      for (const connections of connectionsByUser.values()) {
        total += connections.size;
      }
      return total;
    },
  };
}
