import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../platform/errors/app-error.js';
import type { McpClientSession, McpServerRuntimeConfig } from './mcp-client-session.js';

const maxOutputChars = 500;

function lastOutput(session: McpClientSession | null): string {
  const tail = session?.stderrTail() ?? '';
  return tail ? `; its last output: ${tail.slice(-maxOutputChars)}` : '';
}

function networkCause(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return typeof cause?.message === 'string' ? cause.message : undefined;
}

/** A sentence for the admin about why connecting to a server failed. */
export function describeConnectError(config: McpServerRuntimeConfig, error: unknown, session: McpClientSession | null): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return `Could not start "${config.command ?? ''}": the program was not found`;
  if (code === 'EACCES') return `Could not start "${config.command ?? ''}": permission denied`;
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) {
    return `The server did not complete the MCP handshake in time${lastOutput(session)}`;
  }
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed) {
    return config.transport === 'stdio'
      ? `The server process exited before the MCP handshake finished${lastOutput(session)}`
      : 'The server closed the connection during the MCP handshake';
  }
  if (config.transport === 'http') {
    const cause = networkCause(error);
    const message = error instanceof Error ? error.message : String(error);
    return `Could not reach the MCP server at ${config.url ?? ''}: ${cause ? `${message} (${cause})` : message}`.slice(0, 1000);
  }
  return `The MCP server could not be started: ${error instanceof Error ? error.message : String(error)}${lastOutput(session)}`.slice(0, 1000);
}

/** A sentence for the admin about a connection that ended on its own. */
export function describeLostConnection(config: McpServerRuntimeConfig, session: McpClientSession): string {
  return config.transport === 'stdio' ? `The server process exited${lastOutput(session)}` : 'The connection to the server closed';
}
