import {
  backoffDelayMs,
  bridgeCloseCodes,
  bridgeHeartbeatIntervalMs,
  bridgeMaxResultBytes,
  bridgeServerMessageSchema,
  realtimeCloseCodes,
  type BridgeServerMessage,
} from '@claraverse/shared';
import WebSocket from 'ws';
import type { LocalServers } from './local-servers.js';

/** Why a bridge stopped for good (it reconnects by itself in every other case). */
export type BridgeEnd = 'stopped' | 'replaced' | 'refused';

export interface BridgeConnectionState {
  isConnected: boolean;
  connectedAt: string | null;
  lastHeartbeatAt: string | null;
  toolsRegistered: number;
}

export interface BridgeConnectionOptions {
  serverUrl: string;
  apiKey: string;
  clientId: string;
  clientVersion: string;
  localServers: LocalServers;
  log(line: string): void;
  verbose: boolean;
  onStateChange(state: BridgeConnectionState): void;
  heartbeatIntervalMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
}

/** `http://host:3001` → `ws://host:3001/mcp/connect` (a path prefix of a reverse proxy is kept). */
export function bridgeSocketUrl(serverUrl: string): string {
  const url = new URL('mcp/connect', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

type ToolCallMessage = Extract<BridgeServerMessage, { type: 'bridge.tool-call' }>;

/**
 * Runs one call on the local server and returns the `bridge.tool-result` to send, or null when the server
 * cancelled it meanwhile. A result too large for one message becomes an error that says so.
 */
async function answerToolCall(options: BridgeConnectionOptions, calls: Map<string, AbortController>, message: ToolCallMessage): Promise<object | null> {
  const controller = new AbortController();
  calls.set(message.callId, controller);
  if (options.verbose) options.log(`call ${message.server}/${message.tool}`);
  const result = await options.localServers.call(message.server, message.tool, message.arguments, { timeoutMs: message.timeoutMs, signal: controller.signal });
  calls.delete(message.callId);
  if (controller.signal.aborted) return null;
  if (options.verbose) options.log(`call ${message.server}/${message.tool}: ${result.isError ? 'failed' : 'done'}`);
  const reply = { type: 'bridge.tool-result', callId: message.callId, ...result };
  const size = Buffer.byteLength(JSON.stringify(reply));
  if (size <= bridgeMaxResultBytes) return reply;
  const text = `The result of ${message.tool} (${size} bytes) is larger than the bridge can send (${bridgeMaxResultBytes} bytes)`;
  return { type: 'bridge.tool-result', callId: message.callId, isError: true, content: [{ type: 'text', text }] };
}

/**
 * The bridge's side of `WS /mcp/connect`: authenticates with the API key, registers the local tools (again
 * whenever they change), sends heartbeats, runs the calls it is sent, and reconnects with backoff (1 s → 60 s)
 * unless it was replaced by a newer bridge (4409) or its key was refused (4401).
 */
export function createBridgeConnection(options: BridgeConnectionOptions) {
  const backoff = options.reconnect ?? { baseMs: 1_000, maxMs: 60_000 };
  const state: BridgeConnectionState = { isConnected: false, connectedAt: null, lastHeartbeatAt: null, toolsRegistered: 0 };
  const calls = new Map<string, AbortController>();
  let socket: WebSocket | null = null;
  let isReady = false;
  let isStopping = false;
  let attempt = 0;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let finish: (end: BridgeEnd) => void = () => undefined;
  const done = new Promise<BridgeEnd>((resolve) => (finish = resolve));

  const changed = () => options.onStateChange({ ...state });
  const send = (message: object) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };

  function register(): void {
    const tools = options.localServers.tools();
    send({ type: 'bridge.register', clientId: options.clientId, clientVersion: options.clientVersion, platform: process.platform, tools });
  }

  function heartbeat(): void {
    send({ type: 'bridge.heartbeat' });
    state.lastHeartbeatAt = new Date().toISOString();
    changed();
  }

  function handle(message: BridgeServerMessage): void {
    switch (message.type) {
      case 'ready':
        isReady = true;
        register();
        return;
      case 'bridge.ack':
        attempt = 0;
        if (!state.isConnected) options.log(`connected to ${options.serverUrl}${message.replacedPrevious ? ' (an older bridge of your account was disconnected)' : ''}`);
        Object.assign(state, { isConnected: true, connectedAt: state.connectedAt ?? new Date().toISOString(), toolsRegistered: message.toolsRegistered });
        options.log(`${message.toolsRegistered} tools registered`);
        if (!heartbeatTimer) {
          heartbeat();
          heartbeatTimer = setInterval(heartbeat, options.heartbeatIntervalMs ?? bridgeHeartbeatIntervalMs);
        }
        changed();
        return;
      case 'bridge.tool-call':
        void answerToolCall(options, calls, message).then((reply) => reply && send(reply));
        return;
      case 'bridge.tool-cancel':
        calls.get(message.callId)?.abort();
        calls.delete(message.callId);
        return;
      case 'bridge.replaced':
      case 'error':
        options.log(message.message);
        return;
      case 'pong':
        return;
    }
  }

  function onClosed(code: number): void {
    clearInterval(heartbeatTimer);
    heartbeatTimer = undefined;
    socket = null;
    isReady = false;
    for (const controller of calls.values()) controller.abort();
    calls.clear();
    Object.assign(state, { isConnected: false, connectedAt: null, toolsRegistered: 0 });
    changed();
    if (isStopping) return finish('stopped');
    if (code === bridgeCloseCodes.replaced) {
      options.log('stopped: another claraverse-bridge of your account connected');
      return finish('replaced');
    }
    if (code === realtimeCloseCodes.unauthenticated) {
      options.log('stopped: the server refused the API key (is it revoked, or missing the mcp-bridge scope?); run claraverse-bridge login again');
      return finish('refused');
    }
    const delay = backoffDelayMs(attempt, backoff);
    attempt += 1;
    options.log(`disconnected (code ${code}); reconnecting in ${Math.round(delay / 1000)} s`);
    reconnectTimer = setTimeout(connect, delay);
  }

  function connect(): void {
    const current = new WebSocket(bridgeSocketUrl(options.serverUrl));
    socket = current;
    current.on('open', () => current.send(JSON.stringify({ type: 'auth', token: options.apiKey })));
    current.on('message', (data: Buffer) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString('utf8'));
      } catch {
        return;
      }
      const message = bridgeServerMessageSchema.safeParse(parsed);
      if (message.success) handle(message.data);
    });
    current.on('error', (error) => options.log(`connection error: ${error.message}`));
    current.on('close', (code) => onClosed(code));
  }

  return {
    /** Resolves when the bridge stops for good, with the reason. */
    done,
    start: connect,
    /** Sends the current tool list again (a local server started or stopped). */
    reregister(): void {
      if (isReady) register();
    },
    /** Says `bridge.disconnect` and closes (the server removes the tools at once). */
    async stop(): Promise<void> {
      isStopping = true;
      clearTimeout(reconnectTimer);
      const current = socket;
      if (!current || current.readyState === WebSocket.CLOSED) return finish('stopped');
      if (current.readyState === WebSocket.OPEN) send({ type: 'bridge.disconnect' });
      const forced = setTimeout(() => current.terminate(), 2_000);
      current.close(bridgeCloseCodes.normal);
      await done;
      clearTimeout(forced);
    },
  };
}
export type BridgeConnection = ReturnType<typeof createBridgeConnection>;
