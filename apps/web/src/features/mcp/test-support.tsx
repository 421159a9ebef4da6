import { maskedSecretValue, type McpServer, type McpServerTool } from '@claraverse/shared';
import { Route, Routes, useParams } from 'react-router';
import { createFakeFetch, errorResponse, jsonResponse, type RecordedRequest } from '../../test/fake-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { McpServerDetails } from './components/mcp-server-details';
import { McpServersPanel } from './components/mcp-servers-panel';

/** A server as the admin API returns it, with sensible defaults. */
export function buildMcpServer(overrides: Partial<McpServer> = {}): McpServer {
  return {
    id: 'server-1',
    name: 'Everything',
    slug: 'everything',
    transport: 'stdio',
    command: 'node',
    args: ['everything/dist/index.js', 'stdio'],
    env: {},
    url: null,
    headers: {},
    enabled: true,
    allowedRoles: null,
    status: 'connected',
    recentErrors: [],
    processId: 4242,
    toolCount: 0,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * The admin MCP API over an in-memory list, keeping the contract's rules that the pages rely on: env/header values
 * come back masked, a PATCH with the mask keeps the stored value, a new or changed server is "connecting" until
 * `settle()` is called, and a duplicate name is a 409 with the server's sentence.
 */
export function startFakeMcpApi(initial: Array<{ server: McpServer; tools?: McpServerTool[]; secrets?: Record<string, string> }>) {
  const servers = new Map(initial.map((entry) => [entry.server.id, { ...entry, tools: entry.tools ?? [], secrets: entry.secrets ?? {} }]));
  let nextId = 1;
  const present = (id: string) => servers.get(id)!.server;
  const notFound = (request: RecordedRequest) => errorResponse(404, 'not_found', `No MCP server with id ${request.params.id}`);
  const masked = (values: Record<string, string> | undefined) => Object.fromEntries(Object.keys(values ?? {}).map((name) => [name, maskedSecretValue]));

  const fake = createFakeFetch({
    'GET /api/admin/mcp-servers': () => jsonResponse({ servers: [...servers.values()].map((entry) => entry.server) }),
    'GET /api/admin/mcp-servers/:id': (request) => {
      const entry = servers.get(request.params.id!);
      return entry ? jsonResponse({ server: entry.server, tools: entry.tools }) : notFound(request);
    },
    'POST /api/admin/mcp-servers': (request) => {
      const body = request.body as Partial<McpServer> & { env?: Record<string, string>; headers?: Record<string, string> };
      if ([...servers.values()].some((entry) => entry.server.name === body.name)) {
        return errorResponse(409, 'conflict', `An MCP server called "${body.name}" already exists`);
      }
      const id = `new-${nextId++}`;
      const server = buildMcpServer({
        id, name: body.name, slug: body.name?.toLowerCase(), transport: body.transport, command: body.command ?? null, args: body.args ?? [],
        env: masked(body.env), url: body.url ?? null, headers: masked(body.headers), enabled: body.enabled ?? true,
        allowedRoles: body.allowedRoles ?? null, status: 'connecting', processId: null, toolCount: 0,
      });
      servers.set(id, { server, tools: [], secrets: { ...body.env, ...body.headers } });
      return jsonResponse({ server }, 201);
    },
    'PATCH /api/admin/mcp-servers/:id': (request) => {
      const entry = servers.get(request.params.id!);
      if (!entry) return notFound(request);
      const body = request.body as Record<string, unknown> & { env?: Record<string, string>; headers?: Record<string, string> };
      const secrets: Record<string, string> = {};
      for (const [name, value] of Object.entries({ ...body.env, ...body.headers })) {
        if (value === maskedSecretValue && entry.secrets[name] === undefined) {
          return errorResponse(400, 'validation_failed', `There is no stored value of variable "${name}" to keep; enter its value`, { details: [{ path: `env.${name}`, message: 'Enter the value' }] });
        }
        secrets[name] = value === maskedSecretValue ? entry.secrets[name]! : value;
      }
      const enabled = typeof body.enabled === 'boolean' ? body.enabled : entry.server.enabled;
      entry.server = {
        ...entry.server,
        ...(body as Partial<McpServer>),
        env: body.env ? masked(body.env) : entry.server.env,
        headers: body.headers ? masked(body.headers) : entry.server.headers,
        status: enabled ? 'connecting' : 'disabled',
      };
      if (body.env || body.headers) entry.secrets = secrets;
      return jsonResponse({ server: entry.server });
    },
    'DELETE /api/admin/mcp-servers/:id': (request) => {
      if (!servers.delete(request.params.id!)) return notFound(request);
      return jsonResponse(null, 204);
    },
  });

  return {
    ...fake,
    /** What the server stored (in clear) for a server's env and headers. */
    secretsOf: (id: string) => servers.get(id)?.secrets,
    server: present,
    /** The background connection finished: the server is connected with these tools (or in error). */
    settle(id: string, outcome: { tools: McpServerTool[] } | { error: string }) {
      const entry = servers.get(id)!;
      if ('error' in outcome) {
        entry.server = { ...entry.server, status: 'error', lastError: outcome.error, recentErrors: [{ at: '2026-03-01T09:05:00.000Z', message: outcome.error }, ...entry.server.recentErrors] };
        entry.tools = [];
      } else {
        entry.server = { ...entry.server, status: 'connected', toolCount: outcome.tools.length, processId: 5151 };
        entry.tools = outcome.tools;
      }
      entry.server = { ...entry.server, toolCount: entry.tools.length };
    },
  };
}

export const everythingTools: McpServerTool[] = [
  { name: 'echo', registryName: 'everything__echo', description: 'Echoes back the input' },
  { name: 'add', registryName: 'everything__add', description: 'Adds two numbers' },
];

function DetailsFromParams() {
  const { serverId = '' } = useParams();
  return <McpServerDetails serverId={serverId} />;
}

/** The admin list and detail page routed as the app routes them, starting at `path`. */
export function renderMcpPages(path = '/admin/mcp-servers') {
  return renderWithProviders(
    <Routes>
      <Route path="/admin/mcp-servers" element={<McpServersPanel />} />
      <Route path="/admin/mcp-servers/:serverId" element={<DetailsFromParams />} />
    </Routes>,
    { path },
  );
}
