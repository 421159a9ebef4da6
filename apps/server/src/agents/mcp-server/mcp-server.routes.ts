import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from '../../platform/http/define-route.js';
import type { DynamicToolSource, ToolContext } from '../../tools/define-tool.js';
import type { ToolCall } from '../../tools/tool-context-factory.js';

/** What ClaraVerse's own MCP server needs: who the key belongs to, the owner's agents as tools, a tool context. */
export interface AgentsMcpServerDeps {
  /** Resolves the request's personal API key with `scope` to its owner. @throws UnauthenticatedError, ForbiddenError */
  authenticateApiKey: (request: FastifyRequest, scope: string) => Promise<AuthenticatedUser>;
  /** The agents-as-tools source (the same tools the chat offers). */
  toolSource: DynamicToolSource;
  createToolContext: (call: ToolCall) => ToolContext;
  version: string;
}

/** The scope a personal API key needs to use `/mcp`. */
export const mcpServerScope = 'mcp';

/** One MCP server per request (stateless): lists and runs `userId`'s callable agents. */
function createServerForUser(userId: string, deps: AgentsMcpServerDeps, signal: AbortSignal): Server {
  const server = new Server({ name: 'claraverse', version: deps.version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await deps.toolSource.listTools(userId)).map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputJsonSchema as { type: 'object'; [key: string]: unknown },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = (await deps.toolSource.listTools(userId)).find((candidate) => candidate.name === request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const output = await tool.execute(request.params.arguments ?? {}, deps.createToolContext({ userId, signal }));
    const failed = typeof output.result === 'object' && output.result !== null && (output.result as { status?: unknown }).status === 'failed';
    return { content: [{ type: 'text', text: JSON.stringify(output.result) }], ...(failed ? { isError: true } : {}) };
  });
  return server;
}

/** Stateless Streamable HTTP has no server-initiated stream nor session to end. */
function refuseMethod(_request: FastifyRequest, reply: FastifyReply) {
  return reply.code(405).header('allow', 'POST').send({ jsonrpc: '2.0', error: { code: ErrorCode.ConnectionClosed, message: 'Method not allowed: send POST' }, id: null });
}

/**
 * `POST /mcp`: ClaraVerse as an MCP server (Streamable HTTP, stateless) for a personal API key with scope `mcp`;
 * its tools are the key owner's active agents, run exactly like the chat's agent tools.
 */
export function registerAgentsMcpServer(http: FastifyInstance, deps: AgentsMcpServerDeps): void {
  http.post('/mcp', async (request, reply) => {
    // Before hijacking: a refused key answers in the app's one error format.
    const user = await deps.authenticateApiKey(request, mcpServerScope);
    reply.hijack();
    const abort = new AbortController();
    const server = createServerForUser(user.id, deps, abort.signal);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.raw.on('close', () => {
      abort.abort();
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });
  http.get('/mcp', refuseMethod);
  http.delete('/mcp', refuseMethod);
}
