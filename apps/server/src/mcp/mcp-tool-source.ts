import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../platform/errors/app-error.js';
import type { DynamicTool, DynamicToolSource, ToolContext, ToolOutput } from '../tools/define-tool.js';
import type { BridgeSessions, RegisteredBridgeTool } from './bridge/bridge-sessions.js';
import { McpCallFailure, type DiscoveredTool, type McpServerRuntimeConfig } from './mcp-client-session.js';
import type { McpConnectionManager } from './mcp-connection-manager.js';
import { McpToolError, toToolOutput, type McpCallResult } from './mcp-content.js';
import { registryToolName } from './mcp-tool-names.js';

export interface McpToolSourceDeps {
  manager: McpConnectionManager;
  bridgeSessions: BridgeSessions;
  auditService: AuditService;
  /** The user's role, for servers an admin limited to roles; null for an unknown user. */
  roleOfUser(userId: string): Promise<'user' | 'admin' | null>;
  /** Milliseconds one MCP call may take (also each tool's `timeoutMs`). */
  callTimeoutMs: number;
}

/** Where a call went, for its error messages and its audit row. */
interface CallTarget {
  source: 'mcp' | 'bridge';
  /** The admin server's id, or the bridge's client id. */
  targetId: string | null;
  server: string;
  tool: string;
}

type FailureReason = McpCallFailure['reason'] | 'tool-error' | 'unavailable';

function failureOf(error: unknown, target: CallTarget, timeoutMs: number): { reason: FailureReason; error: unknown } {
  const where = target.source === 'bridge' ? `Your bridge's server "${target.server}"` : `The MCP server "${target.server}"`;
  if (error instanceof McpToolError) return { reason: 'tool-error', error };
  if (!(error instanceof McpCallFailure)) return { reason: error instanceof AppError ? 'unavailable' : 'protocol', error };
  const message = {
    timeout: `${where} did not answer ${target.tool} within ${Math.round(timeoutMs / 1000)} s`,
    disconnected: target.source === 'bridge'
      ? `${error.message} (${target.tool}); the call did not finish`
      : `${where} stopped during the call to ${target.tool} (${error.message}); it is being restarted, try again shortly`,
    cancelled: 'The call was cancelled',
    protocol: `${where} refused the call to ${target.tool}: ${error.message}`,
  }[error.reason];
  return { reason: error.reason, error: new AppError('upstream_unavailable', message) };
}

/**
 * The tools of admin MCP servers (for the roles allowed) and of the user's bridge, as the registry's dynamic
 * tools. Every call is written to the audit log: user, server, tool, outcome — never the arguments.
 */
export function createMcpToolSource(deps: McpToolSourceDeps): DynamicToolSource {
  async function audited(userId: string, target: CallTarget, call: () => Promise<McpCallResult>): Promise<ToolOutput> {
    const record = (outcome: 'completed' | 'failed', reason?: FailureReason) =>
      deps.auditService.record({
        actorUserId: userId, action: 'mcp.tool-called', targetType: target.source === 'mcp' ? 'mcp_server' : 'mcp_bridge',
        ...(target.targetId ? { targetId: target.targetId } : {}),
        details: { source: target.source, server: target.server, tool: target.tool, outcome, ...(reason ? { reason } : {}) },
      });
    try {
      const output = toToolOutput(await call(), `${target.server}/${target.tool}`);
      await record('completed');
      return output;
    } catch (error) {
      const failure = failureOf(error, target, deps.callTimeoutMs);
      await record('failed', failure.reason);
      throw failure.error;
    }
  }

  function adminTool(config: McpServerRuntimeConfig, tool: DiscoveredTool): DynamicTool {
    return {
      name: registryToolName(config.slug, tool.name),
      displayName: tool.title ?? tool.name,
      description: tool.description || `The ${tool.name} tool of the ${config.name} MCP server`,
      icon: 'Plug',
      category: 'mcp',
      keywords: [config.name, tool.name, 'mcp'],
      inputJsonSchema: tool.inputSchema,
      source: `mcp:${config.name}`,
      timeoutMs: deps.callTimeoutMs,
      execute: (args: Record<string, unknown>, context: ToolContext) =>
        audited(context.userId, { source: 'mcp', targetId: config.id, server: config.name, tool: tool.name }, () =>
          deps.manager.callTool(config.id, tool.name, args, context.signal)),
    };
  }

  function bridgeTool(userId: string, tool: RegisteredBridgeTool): DynamicTool {
    return {
      name: tool.registryName,
      displayName: tool.name,
      description: tool.description || `The ${tool.name} tool of ${tool.server} on your computer (bridge)`,
      icon: 'Laptop',
      category: 'mcp',
      keywords: [tool.server, tool.name, 'mcp', 'bridge'],
      inputJsonSchema: tool.inputSchema,
      source: `bridge:${tool.server}`,
      timeoutMs: deps.callTimeoutMs,
      execute: (args: Record<string, unknown>, context: ToolContext) =>
        audited(context.userId, { source: 'bridge', targetId: deps.bridgeSessions.clientIdOf(userId), server: tool.server, tool: tool.name }, () =>
          deps.bridgeSessions.call(context.userId, tool.server, tool.name, args, context.signal)),
    };
  }

  return {
    async listTools(userId) {
      const servers = deps.manager.connectedServers();
      const role = servers.some((server) => server.config.allowedRoles) ? await deps.roleOfUser(userId) : null;
      const adminTools = servers
        .filter(({ config }) => !config.allowedRoles || (role !== null && config.allowedRoles.includes(role)))
        .flatMap(({ config, tools }) => tools.map((tool) => adminTool(config, tool)));
      return [...adminTools, ...deps.bridgeSessions.toolsOf(userId).map((tool) => bridgeTool(userId, tool))];
    },
  };
}
