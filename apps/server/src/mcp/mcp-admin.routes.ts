import {
  createMcpServerBodySchema,
  idParamsSchema,
  mcpServerDetailResponseSchema,
  mcpServerResponseSchema,
  mcpServersResponseSchema,
  updateMcpServerBodySchema,
} from '@claraverse/shared';
import { defineRoute, type RouteSpec } from '../platform/http/define-route.js';
import type { McpServersService } from './mcp-servers.service.js';

/** Admin: the instance's MCP servers (env and header values stored encrypted, never returned). */
export function mcpAdminRoutes(deps: { mcpServersService: McpServersService }): RouteSpec[] {
  const { mcpServersService: service } = deps;
  const tags = ['admin', 'mcp'];
  return [
    defineRoute({
      method: 'GET', url: '/api/admin/mcp-servers', summary: 'List the MCP servers with their connection status', tags, auth: 'admin',
      responses: { 200: mcpServersResponseSchema },
      handler: async () => ({ servers: await service.list() }),
    }),
    defineRoute({
      method: 'POST', url: '/api/admin/mcp-servers', summary: 'Add an MCP server (stdio or Streamable HTTP); it connects in the background', tags, auth: 'admin',
      body: createMcpServerBodySchema,
      responses: { 201: mcpServerResponseSchema },
      handler: async ({ body, user, request }) => ({ server: await service.create(body, { userId: user.id, ip: request.ip }) }),
    }),
    defineRoute({
      method: 'GET', url: '/api/admin/mcp-servers/:id', summary: 'Read an MCP server, its status and its tools', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 200: mcpServerDetailResponseSchema },
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: 'PATCH', url: '/api/admin/mcp-servers/:id', summary: 'Change an MCP server (it reconnects with the new settings)', tags, auth: 'admin',
      params: idParamsSchema, body: updateMcpServerBodySchema,
      responses: { 200: mcpServerResponseSchema },
      handler: async ({ params, body, user, request }) => ({ server: await service.update(params.id, body, { userId: user.id, ip: request.ip }) }),
    }),
    defineRoute({
      method: 'DELETE', url: '/api/admin/mcp-servers/:id', summary: 'Delete an MCP server (its process is stopped)', tags, auth: 'admin',
      params: idParamsSchema,
      responses: { 204: null },
      handler: async ({ params, user, request }) => service.remove(params.id, { userId: user.id, ip: request.ip }),
    }),
  ];
}
