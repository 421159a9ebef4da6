import type { BaseServerMessage } from '@claraverse/shared';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ZodType } from 'zod';

/** Any server message: a flat JSON object discriminated by `type`. */
export interface TypedMessage {
  type: string;
}

/** The subset of a pino logger the hub uses; a real `pino` logger satisfies it. */
export type RealtimeLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'child'>;

/**
 * Hooks the composition root wires to Prometheus. `route` is the mounted path and `type` is always a validated
 * message type (or `invalid`), never raw client input, so label cardinality stays bounded.
 */
export interface RealtimeMetrics {
  /** An authenticated connection became ready. */
  onConnectionOpened(route: string): void;
  /** A connection that had become ready closed. */
  onConnectionClosed(route: string): void;
  /** A message arrived on a ready connection; `type` is `ping`, a route message type, or `invalid`. */
  onMessageReceived(route: string, type: string): void;
}

/** Options of {@link createRealtimeHub}. All durations are milliseconds, all sizes bytes. */
export interface RealtimeHubOptions {
  logger: RealtimeLogger;
  /**
   * Resolves the access token of an `auth` message to a user.
   * @throws on a bad or expired token, or a disabled user; the socket is then closed with 4401.
   */
  authenticate(token: string): Promise<{ userId: string }>;
  /** How long a new socket may take to authenticate. Default 5000 ms. */
  authTimeoutMs?: number;
  /** Interval between WS ping frames; a socket with no pong by the next tick is terminated. Default 30000 ms. */
  heartbeatIntervalMs?: number;
  /** Largest accepted client message; larger ones close the socket with 1009. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Largest per-socket send backlog before the socket is closed with 4408. Default 4 MiB. */
  maxQueuedBytes?: number;
  /** How long a closing socket may take to finish the close handshake before it is terminated. Default 2000 ms. */
  closeGraceMs?: number;
  /**
   * Upgrade requests (new sockets) allowed per client IP per minute; more are answered 429 before any
   * WebSocket is opened. Unset: no limit.
   */
  connectsPerMinutePerIp?: number;
  metrics?: RealtimeMetrics;
}

/** One authenticated socket, as route handlers see it. */
export interface RealtimeConnection<TServerMessage extends TypedMessage = TypedMessage> {
  /** Random id, safe to log. */
  readonly id: string;
  readonly userId: string;
  /** The path the socket was mounted on. */
  readonly route: string;
  /**
   * Serialises `message` to JSON and queues it. Returns false (and never throws) when the socket is closed, when
   * the message cannot be serialised, or when the backlog exceeds `maxQueuedBytes` (the socket is then closed
   * with 4408).
   */
  send(message: TServerMessage | BaseServerMessage): boolean;
  /** Starts the close handshake; terminates the socket if it does not finish within `closeGraceMs`. */
  close(code: number, reason: string): void;
  /** Aborted when the socket closes, so handlers can cancel streams and timers. */
  readonly signal: AbortSignal;
}

/**
 * The per-route part of the protocol. `auth` and `ping` are handled by the hub and must not be in
 * `clientMessageSchema`. Handlers may be async; their errors are caught and answered with an `internal` error.
 * Messages are dispatched as they arrive (a slow `onMessage` does not delay the next message).
 */
export interface RealtimeRouteHandler<TClientMessage extends TypedMessage, TServerMessage extends TypedMessage> {
  /** A discriminated union of this route's client messages. */
  clientMessageSchema: ZodType<TClientMessage>;
  /**
   * Resolves this route's `auth` token instead of the hub's `authenticate` (e.g. `/mcp/connect` also takes a
   * personal API key). Same contract: throw to refuse (close 4401).
   */
  authenticate?(token: string): Promise<{ userId: string }>;
  onMessage(connection: RealtimeConnection<TServerMessage>, message: TClientMessage): void | Promise<void>;
  /** Called after `ready` was sent; messages that arrive meanwhile wait until it settles. */
  onOpen?(connection: RealtimeConnection<TServerMessage>): void | Promise<void>;
  /** Called once, after the socket closed (the signal is already aborted). */
  onClose?(connection: RealtimeConnection<TServerMessage>): void | Promise<void>;
}

/** What {@link createRealtimeHub} returns. */
export interface RealtimeHub {
  /**
   * Mounts a websocket GET route on `app` (which must have registered `@fastify/websocket`).
   * Call it before `app.ready()`.
   */
  registerRoute<TClientMessage extends TypedMessage, TServerMessage extends TypedMessage>(
    app: FastifyInstance,
    path: string,
    handler: RealtimeRouteHandler<TClientMessage, TServerMessage>,
  ): void;
  /** The ready connections of one user, on every route. */
  connectionsOf(userId: string): readonly RealtimeConnection[];
  /**
   * Sends `message` to every ready connection of `userId`, whatever their route; returns how many accepted it.
   * Pass the shared server-message type explicitly (`broadcastToUser<ChatServerMessage>(…)`) to type-check it.
   */
  broadcastToUser<TMessage extends TypedMessage>(userId: string, message: TMessage | BaseServerMessage): number;
  /**
   * Closes every socket (ready or not) with `code` and refuses new ones; resolves once all have closed, terminating
   * those that do not finish the handshake within `closeGraceMs`. Never rejects.
   */
  closeAll(code?: number, reason?: string): Promise<void>;
  /** How many connections are ready (authenticated). */
  count(): number;
}
