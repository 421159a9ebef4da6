import { realtimeCloseCodes } from '@claraverse/shared';
import type { z } from 'zod';

/** What the UI shows about the socket. `idle` = never needed yet; `offline` = gave up (no network, bad session). */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

interface TypedMessage {
  type: string;
}

/** One handler per server message type: adding a type to the union is a compile error until it is handled. */
export type ServerMessageHandlers<TServerMessage extends TypedMessage> = {
  [TType in TServerMessage['type']]: (message: Extract<TServerMessage, { type: TType }>) => void;
};

/** The part of the browser's WebSocket the client uses, so that tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send: (data: string) => void;
  close: (code?: number, reason?: string) => void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface RealtimeClientOptions<TServerMessage extends TypedMessage> {
  /** Absolute ws(s) URL. */
  url: string;
  /** Shared schema of everything the server may send on this route (including `ready`, `pong`, `error`). */
  schema: z.ZodType<TServerMessage>;
  handlers: ServerMessageHandlers<TServerMessage>;
  /** The current access token, read at each connect. */
  getAccessToken: () => string | null;
  /** Refreshes the session after a 4401 close; resolves false when the session is gone. */
  refreshSession: () => Promise<boolean>;
  /**
   * Called after every `ready`, before queued messages are flushed; `isReconnect` is true after a drop. The chat
   * feature sends its `chat.resume` messages here.
   */
  onReady?: (isReconnect: boolean) => void;
  createSocket?: (url: string) => SocketLike;
  /** Interval of the JSON `ping`, in milliseconds. Default 25 000. */
  heartbeatIntervalMilliseconds?: number;
  /** Base of the reconnect backoff (base·2^attempt), in milliseconds. Default 1 000. */
  reconnectBaseMilliseconds?: number;
  /** Ceiling of the reconnect backoff, in milliseconds. Default 30 000. */
  reconnectMaximumMilliseconds?: number;
  /**
   * False while the browser knows it has no network: reconnect attempts wait (call `connect()` when it is back)
   * instead of failing and logging an error each time. Default: `navigator.onLine`.
   */
  isNetworkAvailable?: () => boolean;
}

export interface RealtimeClient<TClientMessage> {
  /** Opens the socket if it is not open or opening. */
  connect: () => void;
  /** Sends now when ready, otherwise queues until the next `ready` (and connects). */
  send: (message: TClientMessage) => void;
  /**
   * Closes the current socket and reconnects with the usual backoff (the browser reported going offline: the old
   * socket may linger for a minute before it notices). Queued messages are kept. Does nothing when idle or stopped.
   */
  dropConnection: () => void;
  /** Closes for good (sign-out, unmount); queued messages are dropped. */
  disconnect: () => void;
  getState: () => ConnectionState;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

const socketOpen = 1;
const missedPongLimit = 2;
/** Close code the client uses when it drops a socket itself (heartbeat timeout, network lost). */
const clientDropCode = 4000;

/**
 * A typed WebSocket client: auth-first handshake (`{type:"auth", token}` → `ready`), every server message
 * `safeParse`d with the shared schema and dispatched through an exhaustive handler map (unparsable messages are
 * dropped with a warning), JSON heartbeat, reconnect with exponential backoff, session refresh on a 4401 close and
 * a send queue while reconnecting.
 */
export function createRealtimeClient<TServerMessage extends TypedMessage, TClientMessage extends TypedMessage>(
  options: RealtimeClientOptions<TServerMessage>,
): RealtimeClient<TClientMessage> {
  const heartbeatInterval = options.heartbeatIntervalMilliseconds ?? 25_000;
  const reconnectBase = options.reconnectBaseMilliseconds ?? 1_000;
  const reconnectMaximum = options.reconnectMaximumMilliseconds ?? 30_000;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
  const isNetworkAvailable = options.isNetworkAvailable ?? (() => globalThis.navigator?.onLine !== false);

  let socket: SocketLike | null = null;
  let state: ConnectionState = 'idle';
  let isReady = false;
  let hasBeenReady = false;
  let isStopped = false;
  let attempt = 0;
  let missedPongs = 0;
  let heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const queue: TClientMessage[] = [];
  const listeners = new Set<() => void>();

  function setState(next: ConnectionState) {
    if (state === next) return;
    state = next;
    for (const listener of listeners) listener();
  }

  function stopHeartbeat() {
    if (heartbeatTimer !== null) clearInterval(heartbeatTimer);
    heartbeatTimer = null;
  }

  function startHeartbeat() {
    stopHeartbeat();
    missedPongs = 0;
    heartbeatTimer = setInterval(() => {
      if (missedPongs >= missedPongLimit) {
        // The connection is silently dead (a proxy dropped it): close it ourselves and reconnect.
        socket?.close(clientDropCode, 'heartbeat timeout');
        handleClosed(clientDropCode);
        return;
      }
      missedPongs += 1;
      writeRaw({ type: 'ping', timestamp: Date.now() });
    }, heartbeatInterval);
  }

  function writeRaw(message: unknown) {
    if (socket && socket.readyState === socketOpen) socket.send(JSON.stringify(message));
  }

  function scheduleReconnect() {
    if (isStopped || reconnectTimer !== null) return;
    const delay = Math.min(reconnectBase * 2 ** attempt, reconnectMaximum);
    attempt += 1;
    setState(hasBeenReady ? 'reconnecting' : 'connecting');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      // Offline: try again later (the `online` event usually calls connect() first).
      if (isNetworkAvailable()) open();
      else scheduleReconnect();
    }, delay);
  }

  function handleClosed(code: number) {
    if (!socket) return;
    const closedSocket = socket;
    closedSocket.onopen = closedSocket.onmessage = closedSocket.onclose = closedSocket.onerror = null;
    socket = null;
    isReady = false;
    stopHeartbeat();
    if (isStopped) return;
    if (code === realtimeCloseCodes.unauthenticated) {
      setState(hasBeenReady ? 'reconnecting' : 'connecting');
      options.refreshSession().then(
        (isRefreshed) => {
          if (isRefreshed) open();
          else setState('offline');
        },
        () => scheduleReconnect(),
      );
      return;
    }
    if (code === realtimeCloseCodes.forbidden) {
      setState('offline');
      return;
    }
    scheduleReconnect();
  }

  function dispatch(raw: unknown) {
    let data: unknown;
    try {
      data = JSON.parse(String(raw));
    } catch {
      console.warn('Realtime: a message that is not JSON was ignored');
      return;
    }
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) {
      console.warn('Realtime: a message outside the shared contract was ignored', parsed.error.issues);
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      isReady = true;
      const isReconnect = hasBeenReady;
      hasBeenReady = true;
      attempt = 0;
      setState('connected');
      startHeartbeat();
      options.onReady?.(isReconnect);
      for (const queued of queue.splice(0)) writeRaw(queued);
    }
    if (message.type === 'pong') missedPongs = 0;
    const handler = options.handlers[message.type as TServerMessage['type']] as (value: TServerMessage) => void;
    handler(message);
  }

  function open() {
    if (isStopped || socket) return;
    const token = options.getAccessToken();
    if (!token) {
      setState('offline');
      return;
    }
    if (state !== 'reconnecting') setState(hasBeenReady ? 'reconnecting' : 'connecting');
    const nextSocket = createSocket(options.url);
    socket = nextSocket;
    nextSocket.onopen = () => nextSocket.send(JSON.stringify({ type: 'auth', token }));
    nextSocket.onmessage = (event) => dispatch(event.data);
    nextSocket.onclose = (event) => {
      if (socket === nextSocket) handleClosed(event.code);
    };
    nextSocket.onerror = () => {
      // A close event always follows an error; reconnecting happens there.
    };
  }

  return {
    connect: () => {
      isStopped = false;
      if (reconnectTimer !== null) {
        // Connect now (the network came back, the user asked) instead of waiting out the backoff.
        clearTimeout(reconnectTimer);
        reconnectTimer = null;
      }
      open();
    },
    send: (message) => {
      if (isReady) {
        writeRaw(message);
        return;
      }
      queue.push(message);
      if (!socket && reconnectTimer === null) {
        isStopped = false;
        open();
      }
    },
    dropConnection: () => {
      if (isStopped || !socket) return;
      const droppedSocket = socket;
      handleClosed(clientDropCode);
      droppedSocket.close(clientDropCode, 'network lost');
    },
    disconnect: () => {
      isStopped = true;
      queue.length = 0;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const closingSocket = socket;
      handleClosed(1000);
      closingSocket?.close(1000, 'client closed');
      hasBeenReady = false;
      setState('idle');
    },
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** `ws(s)://` URL of a socket route on the API origin (or the page origin when the API is same-origin). */
export function realtimeUrl(path: string, apiBaseUrl: string, pageLocation: Location = globalThis.location): string {
  const base = new URL(apiBaseUrl || pageLocation.origin);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = path;
  return base.toString();
}
