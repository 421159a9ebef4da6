/** Query keys of this feature; `mcpQueryKeys.servers` prefixes the detail keys, so one invalidation covers both. */
export const mcpQueryKeys = {
  servers: ['admin', 'mcp-servers'] as const,
  server: (serverId: string) => ['admin', 'mcp-servers', serverId] as const,
  bridge: ['user', 'bridge'] as const,
};

export const mcpServersPath = '/api/admin/mcp-servers';

export function mcpServerPath(serverId: string): string {
  return `${mcpServersPath}/${encodeURIComponent(serverId)}`;
}

/** How often a list or detail that shows a server in "connecting" asks again, in milliseconds. */
export const connectingPollMilliseconds = 2_000;
