import type { Readable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { McpCallResult } from './mcp-content.js';

/** A server's settings with its secrets decrypted: what connecting needs. Never logged or returned. */
export interface McpServerRuntimeConfig {
  id: string;
  name: string;
  slug: string;
  transport: 'stdio' | 'http';
  command: string | null;
  args: string[];
  env: Record<string, string>;
  url: string | null;
  headers: Record<string, string>;
  enabled: boolean;
  allowedRoles: Array<'user' | 'admin'> | null;
}

/** A tool as `tools/list` describes it. */
export interface DiscoveredTool {
  name: string;
  title?: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

/** How a call ended when it did not return a result. */
export class McpCallFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'disconnected' | 'cancelled' | 'protocol',
    message: string,
  ) {
    super(message);
    this.name = 'McpCallFailure';
  }
}

const stderrTailChars = 2000;
const maxToolPages = 50;
/** Tools kept per server; a server listing more is cut (the first ones win, as do first names). */
export const maxToolsPerServer = 500;

/**
 * One connection to one MCP server through the SDK client: a child process (stdio) or a Streamable HTTP
 * session. `close()` ends it; for stdio the SDK closes stdin, then sends SIGTERM, then SIGKILL (2 s apart).
 */
export interface McpClientSession {
  connect(timeoutMs: number): Promise<void>;
  /** The child's pid while it runs (stdio only). */
  readonly processId: number | null;
  /** The last characters the child wrote to stderr, for the admin's error message. */
  stderrTail(): string;
  listTools(timeoutMs: number): Promise<DiscoveredTool[]>;
  /** @throws McpCallFailure */
  callTool(name: string, args: Record<string, unknown>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<McpCallResult>;
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates (without starting) the session of `config`. `onClose` runs once when the connection ends for any
 * reason, including `close()`.
 */
export function createMcpClientSession(config: McpServerRuntimeConfig, options: { clientVersion: string; onClose: () => void }): McpClientSession {
  const client = new Client({ name: 'claraverse', version: options.clientVersion }, { capabilities: {} });
  let stderr = '';
  let transport: StdioClientTransport | StreamableHTTPClientTransport;
  if (config.transport === 'stdio') {
    if (!config.command) throw new Error('A stdio MCP server needs a command');
    const stdio = new StdioClientTransport({ command: config.command, args: config.args, env: config.env, stderr: 'pipe' });
    // Read stderr so a chatty child never blocks on a full pipe; keep only its tail.
    (stdio.stderr as Readable | null)?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-stderrTailChars);
    });
    transport = stdio;
  } else {
    if (!config.url) throw new Error('An http MCP server needs a URL');
    transport = new StreamableHTTPClientTransport(new URL(config.url), {
      requestInit: { headers: config.headers, redirect: 'error' },
      reconnectionOptions: { maxReconnectionDelay: 30_000, initialReconnectionDelay: 1000, reconnectionDelayGrowFactor: 2, maxRetries: 2 },
    });
  }
  let closed = false;
  client.onclose = () => {
    if (closed) return;
    closed = true;
    options.onClose();
  };
  // Transport errors (a failed SSE GET, a write to a dead pipe) surface as a closed connection or a failed call.
  client.onerror = () => undefined;

  return {
    connect: (timeoutMs) => client.connect(transport, { timeout: timeoutMs }),
    get processId() {
      return transport instanceof StdioClientTransport ? transport.pid : null;
    },
    stderrTail: () => stderr.trim(),
    async listTools(timeoutMs) {
      const tools: DiscoveredTool[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < maxToolPages; page += 1) {
        const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
        for (const tool of result.tools) {
          if (tools.length >= maxToolsPerServer) return tools;
          if (tools.some((known) => known.name === tool.name)) continue;
          tools.push({
            name: tool.name,
            ...(tool.title ? { title: tool.title } : {}),
            description: tool.description ?? '',
            inputSchema: tool.inputSchema as Record<string, unknown>,
          });
        }
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return tools;
    },
    async callTool(name, args, callOptions) {
      try {
        return (await client.callTool({ name, arguments: args }, undefined, {
          timeout: callOptions.timeoutMs,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        })) as McpCallResult;
      } catch (error) {
        throw toCallFailure(error, callOptions.signal);
      }
    },
    async ping(timeoutMs) {
      await client.ping({ timeout: timeoutMs });
    },
    async close() {
      if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
        // Tell the server the session is over; a server that is already gone is fine.
        await transport.terminateSession().catch(() => undefined);
      }
      await client.close();
    },
  };
}

function toCallFailure(error: unknown, signal: AbortSignal | undefined): McpCallFailure {
  if (signal?.aborted) return new McpCallFailure('cancelled', 'The call was cancelled');
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return new McpCallFailure('timeout', 'did not answer in time');
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) return new McpCallFailure('disconnected', 'the connection closed during the call');
  if (error instanceof McpError) return new McpCallFailure('protocol', error.message.slice(0, 500));
  return new McpCallFailure('disconnected', error instanceof Error ? error.message.slice(0, 500) : 'the call failed');
}
