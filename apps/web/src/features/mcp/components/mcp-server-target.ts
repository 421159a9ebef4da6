import type { McpServer } from '@claraverse/shared';

/** What a server runs or reaches, on one line: the command and its arguments, or the URL. */
export function describeMcpServerTarget(server: Pick<McpServer, 'transport' | 'command' | 'args' | 'url'>): string {
  return server.transport === 'stdio' ? [server.command ?? '', ...server.args].join(' ').trim() : (server.url ?? '');
}

/** "Everyone" or the roles the admin limited the tools to. */
export function describeAllowedRoles(roles: McpServer['allowedRoles']): string {
  if (roles === null) return 'Everyone';
  return roles.map((role) => (role === 'admin' ? 'Administrators' : 'Users')).join(' and ');
}

/** The path of a server's detail page. */
export function mcpServerPagePath(serverId: string): string {
  return `/admin/mcp-servers/${encodeURIComponent(serverId)}`;
}
