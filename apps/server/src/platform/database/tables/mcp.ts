import type { Selectable } from 'kysely';

// MCP servers (mcp/): admin-configured servers and their discovered tools.
export interface McpServersTable {
  id: string;
  name: string;
  /** Prefix of the server's tools in the registry (`<slug>__<tool>`). */
  slug: string;
  transport: 'stdio' | 'http';
  command: string | null;
  /** JSON array of strings. */
  args: string;
  /** JSON `{ NAME: cipher envelope }` sealed for `instance` and `mcp-server:<id>:env:<NAME>`. */
  env: string;
  url: string | null;
  /** JSON `{ Name: cipher envelope }` sealed for `instance` and `mcp-server:<id>:header:<Name>`. */
  headers: string;
  enabled: number;
  /** JSON array of roles, or null for everyone. */
  allowed_roles: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface McpServerToolsTable {
  server_id: string;
  name: string;
  description: string;
  /** JSON Schema of the tool's input, as the server gave it. */
  input_schema: string;
  discovered_at: string;
}

export interface McpTables {
  mcp_servers: McpServersTable;
  mcp_server_tools: McpServerToolsTable;
}

export type McpServerRow = Selectable<McpServersTable>;
export type McpServerToolRow = Selectable<McpServerToolsTable>;
