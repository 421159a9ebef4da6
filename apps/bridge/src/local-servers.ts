import type { Readable } from 'node:stream';
import { backoffDelayMs, type BridgeTool, type McpContentBlock } from '@claraverse/shared';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { LocalServer } from './config-store.js';

/** What a local tool call returned, ready for `bridge.tool-result`. */
export interface LocalCallResult {
  isError: boolean;
  content: McpContentBlock[];
  structuredContent?: Record<string, unknown>;
}

export interface LocalServersOptions {
  clientVersion: string;
  /** A line for the terminal (the bridge prints it with a timestamp). */
  log(line: string): void;
  /** Print the servers' own stderr. */
  verbose: boolean;
  /** The set of tools changed (a server started, stopped or came back): register again. */
  onToolsChanged(): void;
  /** Milliseconds of the MCP handshake. Default 30 000. */
  connectTimeoutMs?: number;
}

interface Running {
  config: LocalServer;
  status: 'starting' | 'running' | 'error';
  error?: string;
  client: Client | null;
  tools: BridgeTool[];
  attempt: number;
  retryTimer?: NodeJS.Timeout;
  /** Bumped on every (re)start and on close, so callbacks of an older client do nothing. */
  generation: number;
}

const restartBackoff = { baseMs: 1_000, maxMs: 60_000 };

function transportOf(config: LocalServer, options: LocalServersOptions): StdioClientTransport | StreamableHTTPClientTransport {
  if (config.transport === 'http') {
    return new StreamableHTTPClientTransport(new URL(config.url ?? ''), { requestInit: { headers: config.headers } });
  }
  const transport = new StdioClientTransport({ command: config.command ?? '', args: config.args, env: config.env, stderr: 'pipe' });
  (transport.stderr as Readable | null)?.on('data', (chunk: Buffer) => {
    if (options.verbose) options.log(`[${config.name}] ${chunk.toString('utf8').trimEnd()}`);
  });
  return transport;
}

async function callLocalTool(
  server: Running | undefined,
  serverName: string,
  toolName: string,
  args: Record<string, unknown>,
  callOptions: { timeoutMs: number; signal: AbortSignal },
): Promise<LocalCallResult> {
  const fail = (text: string): LocalCallResult => ({ isError: true, content: [{ type: 'text', text }] });
  if (!server?.client || server.status !== 'running') return fail(`The local MCP server "${serverName}" is not running${server?.error ? ` (${server.error})` : ''}`);
  try {
    const result = await server.client.callTool({ name: toolName, arguments: args }, undefined, { timeout: callOptions.timeoutMs, signal: callOptions.signal });
    return {
      isError: result.isError === true,
      content: (result.content ?? []) as McpContentBlock[],
      ...(result.structuredContent ? { structuredContent: result.structuredContent as Record<string, unknown> } : {}),
    };
  } catch (error) {
    return fail(`The local MCP server "${serverName}" failed the call: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The bridge's local MCP servers: each enabled one is started (stdio) or reached (HTTP) with the MCP SDK
 * client, its tools listed, and restarted with backoff (1 s → 60 s) when it stops. `close()` stops them all;
 * the SDK ends a stdio child with stdin closed, then SIGTERM, then SIGKILL.
 */
export function createLocalServers(servers: readonly LocalServer[], options: LocalServersOptions) {
  const running = new Map<string, Running>(servers.filter((server) => server.enabled).map((config) => [config.name, {
    config, status: 'starting', client: null, tools: [], attempt: 0, generation: 0,
  }]));
  let isClosed = false;

  function scheduleRestart(server: Running, reason: string): void {
    if (isClosed) return;
    server.status = 'error';
    server.error = reason;
    server.tools = [];
    const delay = backoffDelayMs(server.attempt, restartBackoff);
    server.attempt += 1;
    options.log(`${server.config.name}: ${reason}; retrying in ${Math.round(delay / 1000)} s`);
    options.onToolsChanged();
    server.retryTimer = setTimeout(() => void start(server), delay);
  }

  async function start(server: Running): Promise<void> {
    server.generation += 1;
    const generation = server.generation;
    server.status = 'starting';
    const client = new Client({ name: 'claraverse-bridge', version: options.clientVersion }, { capabilities: {} });
    server.client = client;
    client.onclose = () => {
      if (generation !== server.generation || isClosed) return;
      server.generation += 1;
      server.client = null;
      scheduleRestart(server, 'the server stopped');
    };
    client.onerror = () => undefined;
    try {
      await client.connect(transportOf(server.config, options), { timeout: options.connectTimeoutMs ?? 30_000 });
      const { tools } = await client.listTools(undefined, { timeout: options.connectTimeoutMs ?? 30_000 });
      if (generation !== server.generation) return;
      server.tools = tools.map((tool) => ({ server: server.config.name, name: tool.name, description: tool.description ?? '', inputSchema: tool.inputSchema as Record<string, unknown> }));
      server.status = 'running';
      delete server.error;
      server.attempt = 0;
      options.log(`${server.config.name}: running, ${server.tools.length} tools`);
      options.onToolsChanged();
    } catch (error) {
      if (generation !== server.generation) return;
      server.generation += 1;
      server.client = null;
      await client.close().catch(() => undefined);
      const code = (error as { code?: unknown }).code;
      scheduleRestart(server, code === 'ENOENT' ? `"${server.config.command ?? ''}" was not found` : `could not start (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  return {
    /** Starts every enabled server; resolves when each has connected or failed once. */
    async start(): Promise<void> {
      await Promise.all([...running.values()].map((server) => start(server)));
    },

    /** The tools of the servers that run now. */
    tools(): BridgeTool[] {
      return [...running.values()].flatMap((server) => (server.status === 'running' ? server.tools : []));
    },

    summary(): Array<{ name: string; status: string; error?: string; toolCount: number }> {
      return [...running.values()].map((server) => ({
        name: server.config.name, status: server.status, ...(server.error ? { error: server.error } : {}), toolCount: server.tools.length,
      }));
    },

    /** Calls a tool; a server that is down or a failed call becomes an `isError` result with a sentence. */
    call: (serverName: string, toolName: string, args: Record<string, unknown>, callOptions: { timeoutMs: number; signal: AbortSignal }) =>
      callLocalTool(running.get(serverName), serverName, toolName, args, callOptions),

    /** Stops every server (children are gone when this resolves). */
    async close(): Promise<void> {
      isClosed = true;
      await Promise.all([...running.values()].map(async (server) => {
        clearTimeout(server.retryTimer);
        server.generation += 1;
        const client = server.client;
        server.client = null;
        await client?.close().catch(() => undefined);
      }));
    },
  };
}
export type LocalServers = ReturnType<typeof createLocalServers>;
