import { randomUUID } from 'node:crypto';
import {
  authClientMessageSchema,
  pingClientMessageSchema,
  realtimeCloseCodes,
  type BaseServerMessage,
  type FieldIssue,
} from '@claraverse/shared';
import type { RawData, WebSocket } from 'ws';
import type { ZodError } from 'zod';
import { closeSocketWithGrace } from './close-socket.js';
import type {
  RealtimeConnection,
  RealtimeLogger,
  RealtimeMetrics,
  RealtimeRouteHandler,
  TypedMessage,
} from './realtime-types.js';
import { createSocketSendQueue } from './socket-send-queue.js';

/** How many messages a client may pipeline behind its `auth` before the connection is ready. */
const maxMessagesBeforeReady = 32;
/** RFC 6455 policy violation. */
const policyViolationCloseCode = 1008;
/** RFC 6455 internal error. */
const internalErrorCloseCode = 1011;

/** Everything one socket's protocol state machine needs (see README.md). Durations in ms, sizes in bytes. */
export interface RealtimeSessionOptions<TClientMessage extends TypedMessage, TServerMessage extends TypedMessage> {
  socket: WebSocket;
  route: string;
  handler: RealtimeRouteHandler<TClientMessage, TServerMessage>;
  logger: RealtimeLogger;
  authenticate(token: string): Promise<{ userId: string }>;
  authTimeoutMs: number;
  maxMessageBytes: number;
  maxQueuedBytes: number;
  closeGraceMs: number;
  metrics: RealtimeMetrics | undefined;
  /** The connection authenticated: add it to the registry. */
  onReady(connection: RealtimeConnection<TServerMessage>): void;
  /** A connection that had become ready closed: remove it from the registry. */
  onClosed(connection: RealtimeConnection<TServerMessage>): void;
}

type SessionState = 'awaiting-auth' | 'authenticating' | 'opening' | 'ready' | 'closed';

/** A started session: its connection id and a logger bound to it, so the hub can log about the socket too. */
export interface RealtimeSession {
  readonly id: string;
  readonly logger: RealtimeLogger;
}

/**
 * Runs the hub protocol on one freshly upgraded socket: auth deadline, `auth` → `ready`, `ping` → `pong`, schema
 * validation, dispatch to the route handler, and cleanup on close. It never logs message bodies or tokens.
 */
export function startRealtimeSession<TClientMessage extends TypedMessage, TServerMessage extends TypedMessage>(
  options: RealtimeSessionOptions<TClientMessage, TServerMessage>,
): RealtimeSession {
  const { socket, route, handler, metrics } = options;
  const id = randomUUID();
  let logger = options.logger.child({ connectionId: id, route });
  let state: SessionState = 'awaiting-auth';
  let connection: RealtimeConnection<TServerMessage> | undefined;
  let hasOpened = false;
  const pendingMessages: Array<{ data: RawData; isBinary: boolean }> = [];
  const abortController = new AbortController();

  function close(code: number, reason: string): void {
    if (socket.readyState === socket.OPEN) {
      logger.debug({ closeCode: code }, 'closing realtime connection');
    }
    closeSocketWithGrace(socket, code, reason, options.closeGraceMs);
  }

  const sendQueue = createSocketSendQueue({
    socket,
    maxQueuedBytes: options.maxQueuedBytes,
    onBackPressure: () => {
      logger.warn({ closeCode: realtimeCloseCodes.backPressure }, 'realtime client too slow, closing');
      close(realtimeCloseCodes.backPressure, 'client too slow');
    },
    onSerialisationError: (error) => logger.error({ err: error }, 'realtime message could not be serialised'),
  });

  function sendError(code: 'validation_failed' | 'internal', message: string, details?: FieldIssue[]): void {
    const errorMessage: BaseServerMessage = { type: 'error', code, message, ...(details ? { details } : {}) };
    sendQueue.send(errorMessage);
  }

  const authTimer = setTimeout(() => {
    logger.info({ closeCode: realtimeCloseCodes.unauthenticated }, 'realtime authentication deadline passed');
    close(realtimeCloseCodes.unauthenticated, 'authentication required');
  }, options.authTimeoutMs);

  function handleFirstMessage(data: RawData, isBinary: boolean): void {
    const parsed = isBinary ? undefined : parseJson(data);
    if (!isRecord(parsed) || parsed['type'] !== 'auth') {
      close(realtimeCloseCodes.unauthenticated, 'authentication required');
      return;
    }
    const authMessage = authClientMessageSchema.safeParse(parsed);
    if (!authMessage.success) {
      close(realtimeCloseCodes.unauthenticated, 'invalid token');
      return;
    }
    state = 'authenticating';
    void authenticateAndOpen(authMessage.data.token);
  }

  async function authenticateAndOpen(token: string): Promise<void> {
    let userId: string;
    try {
      ({ userId } = await options.authenticate(token));
    } catch (error) {
      if (state === 'authenticating' && socket.readyState === socket.OPEN) {
        // Only the error's name: an auth library's message could quote the token.
        const errorName = error instanceof Error ? error.name : typeof error;
        logger.info({ errorName, closeCode: realtimeCloseCodes.unauthenticated }, 'realtime authentication failed');
        close(realtimeCloseCodes.unauthenticated, 'invalid token');
      }
      return;
    }
    if (state !== 'authenticating' || socket.readyState !== socket.OPEN) {
      return; // the deadline passed or the client left while we were checking the token
    }
    clearTimeout(authTimer);
    logger = logger.child({ userId });
    connection = {
      id,
      userId,
      route,
      send: (message) => sendQueue.send(message),
      close,
      signal: abortController.signal,
    };
    state = 'opening';
    sendQueue.send({ type: 'ready', userId } satisfies BaseServerMessage);
    hasOpened = true;
    options.onReady(connection);
    metrics?.onConnectionOpened(route);
    logger.info('realtime connection ready');
    try {
      await handler.onOpen?.(connection);
    } catch (error) {
      logger.error({ err: error, closeCode: internalErrorCloseCode }, 'realtime onOpen failed');
      close(internalErrorCloseCode, 'internal error');
      return;
    }
    if (state !== 'opening') {
      return;
    }
    state = 'ready';
    // Messages pipelined behind `auth` run now, in arrival order.
    for (const pending of pendingMessages.splice(0)) {
      if (state !== 'ready') {
        return;
      }
      handleReadyMessage(connection, pending.data, pending.isBinary);
    }
  }

  function handleReadyMessage(
    readyConnection: RealtimeConnection<TServerMessage>,
    data: RawData,
    isBinary: boolean,
  ): void {
    if (isBinary) {
      metrics?.onMessageReceived(route, 'invalid');
      sendError('validation_failed', 'Binary messages are not supported');
      return;
    }
    const parsed = parseJson(data);
    if (parsed === undefined) {
      metrics?.onMessageReceived(route, 'invalid');
      sendError('validation_failed', 'Message is not valid JSON');
      return;
    }
    const type = isRecord(parsed) ? parsed['type'] : undefined;
    if (type === 'auth') {
      metrics?.onMessageReceived(route, 'auth');
      sendError('validation_failed', 'This connection is already authenticated');
      return;
    }
    if (type === 'ping') {
      const ping = pingClientMessageSchema.safeParse(parsed);
      metrics?.onMessageReceived(route, ping.success ? 'ping' : 'invalid');
      if (ping.success) {
        sendQueue.send({ type: 'pong', timestamp: ping.data.timestamp } satisfies BaseServerMessage);
      } else {
        sendError('validation_failed', 'Invalid ping message', toFieldIssues(ping.error));
      }
      return;
    }
    const result = handler.clientMessageSchema.safeParse(parsed);
    if (!result.success) {
      metrics?.onMessageReceived(route, 'invalid');
      sendError('validation_failed', 'Invalid message', toFieldIssues(result.error));
      return;
    }
    metrics?.onMessageReceived(route, result.data.type);
    dispatch(readyConnection, result.data);
  }

  function dispatch(readyConnection: RealtimeConnection<TServerMessage>, message: TClientMessage): void {
    const handleFailure = (error: unknown): void => {
      // The error object only: the message may hold user content.
      logger.error({ err: error, messageType: message.type }, 'realtime message handler failed');
      sendError('internal', 'Something went wrong');
    };
    try {
      const result = handler.onMessage(readyConnection, message);
      if (result instanceof Promise) {
        result.catch(handleFailure);
      }
    } catch (error) {
      handleFailure(error);
    }
  }

  socket.on('message', (data, isBinary) => {
    if (socket.readyState !== socket.OPEN) {
      return;
    }
    if (byteLengthOf(data) > options.maxMessageBytes) {
      logger.info({ closeCode: realtimeCloseCodes.messageTooLarge }, 'realtime message too large');
      close(realtimeCloseCodes.messageTooLarge, 'message too large');
      return;
    }
    if (state === 'awaiting-auth') {
      handleFirstMessage(data, isBinary);
    } else if (state === 'ready' && connection) {
      handleReadyMessage(connection, data, isBinary);
    } else if (pendingMessages.push({ data, isBinary }) > maxMessagesBeforeReady) {
      close(policyViolationCloseCode, 'too many messages before ready');
    }
  });

  socket.once('close', (closeCode: number) => {
    state = 'closed';
    clearTimeout(authTimer);
    pendingMessages.length = 0;
    abortController.abort();
    if (!hasOpened || !connection) {
      logger.debug({ closeCode }, 'realtime connection closed before ready');
      return;
    }
    logger.info({ closeCode }, 'realtime connection closed');
    options.onClosed(connection);
    metrics?.onConnectionClosed(route);
    try {
      const result = handler.onClose?.(connection);
      if (result instanceof Promise) {
        result.catch((error: unknown) => logger.error({ err: error }, 'realtime onClose failed'));
      }
    } catch (error) {
      logger.error({ err: error }, 'realtime onClose failed');
    }
  });

  return { id, logger };
}

function byteLengthOf(data: RawData): number {
  if (Array.isArray(data)) {
    return data.reduce((total, chunk) => total + chunk.byteLength, 0);
  }
  return data.byteLength;
}

/** Returns the parsed value, or undefined when the frame is not valid UTF-8 JSON. */
function parseJson(data: RawData): unknown {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
