import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';

/**
 * Admin MCP servers (`/api/admin/mcp-servers`) and the user's bridge (`GET /api/user/bridge`). The bridge's
 * WebSocket messages are in `realtime/mcp-messages.ts`.
 */

export const mcpTransports = ['stdio', 'http'] as const;
export type McpTransport = (typeof mcpTransports)[number];

export const mcpServerStatuses = ['connected', 'connecting', 'error', 'disabled'] as const;
export type McpServerStatus = (typeof mcpServerStatuses)[number];

/** Roles an admin may limit a server's tools to. */
export const mcpRoles = ['user', 'admin'] as const;

/**
 * What the API shows instead of an env or header value (they are secrets). Sending it back in a PATCH keeps
 * the stored value.
 */
export const maskedSecretValue = '********';

const envNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, { message: 'Use letters, digits and _ (not starting with a digit)' });
/** An HTTP header name (RFC 9110 token). */
const headerNameSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, { message: 'Not a valid HTTP header name' });
const secretValueSchema = z.string().max(8192);
const secretMapSchema = (keySchema: z.ZodType<string>) =>
  z.record(keySchema, secretValueSchema).refine((map) => Object.keys(map).length <= 100, { message: 'At most 100 entries' });

/** http(s) URL of a Streamable HTTP MCP endpoint, e.g. `https://mcp.example.com/mcp`. */
export const mcpServerUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: 'Use an http:// or https:// URL' }));

const mcpServerFields = {
  /** Shown to admins and in tool sources (`mcp:<name>`); its slug prefixes the tools (`<slug>__<tool>`). */
  name: z.string().trim().min(1).max(64),
  transport: z.enum(mcpTransports),
  /** stdio: the program to start, e.g. `node` or `/usr/local/bin/my-mcp-server`. */
  command: z.string().trim().min(1).max(1024),
  args: z.array(z.string().max(4096)).max(100),
  /** stdio: extra environment variables; values are secrets (stored encrypted, never returned). */
  env: secretMapSchema(envNameSchema),
  url: mcpServerUrlSchema,
  /** http: extra request headers (e.g. Authorization); values are secrets. */
  headers: secretMapSchema(headerNameSchema),
  enabled: z.boolean(),
  /** Only users with one of these roles get the tools; absent or null: everyone. */
  allowedRoles: z.array(z.enum(mcpRoles)).min(1).max(mcpRoles.length),
};

/** The fields that decide how a server is reached, after a create or a merged update. */
export interface McpTransportFields {
  transport: McpTransport;
  command?: string | null;
  args?: readonly string[] | null;
  env?: Record<string, string> | null;
  url?: string | null;
  headers?: Record<string, string> | null;
}

/**
 * What is wrong with a server's transport fields (stdio needs a command and takes no URL or headers; http
 * needs a URL and takes no command, args or env). Empty when they fit. Used by the schema and the service.
 */
export function mcpTransportIssues(fields: McpTransportFields): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const has = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'object' && Object.keys(value).length === 0);
  if (fields.transport === 'stdio') {
    if (!fields.command) issues.push({ path: 'command', message: 'A stdio server needs the command that starts it' });
    if (has(fields.url)) issues.push({ path: 'url', message: 'A stdio server has no URL (use transport "http")' });
    if (has(fields.headers)) issues.push({ path: 'headers', message: 'Headers apply to http servers only' });
  } else {
    if (!fields.url) issues.push({ path: 'url', message: 'An http server needs its URL' });
    if (has(fields.command) || has(fields.args)) issues.push({ path: 'command', message: 'An http server has no command (use transport "stdio")' });
    if (has(fields.env)) issues.push({ path: 'env', message: 'Environment variables apply to stdio servers only' });
  }
  return issues;
}

export const createMcpServerBodySchema = z
  .strictObject({
    name: mcpServerFields.name,
    transport: mcpServerFields.transport,
    command: mcpServerFields.command.optional(),
    args: mcpServerFields.args.optional(),
    env: mcpServerFields.env.optional(),
    url: mcpServerFields.url.optional(),
    headers: mcpServerFields.headers.optional(),
    enabled: mcpServerFields.enabled.default(true),
    allowedRoles: mcpServerFields.allowedRoles.nullable().optional(),
  })
  .superRefine((body, context) => {
    for (const issue of mcpTransportIssues(body)) context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type CreateMcpServerBody = z.infer<typeof createMcpServerBodySchema>;

/**
 * Partial update. `env`/`headers` replace the whole set: a value equal to {@link maskedSecretValue} keeps the
 * stored one, a name left out is removed. `null` clears `command`/`url`/`allowedRoles` (when switching transport).
 */
export const updateMcpServerBodySchema = z
  .strictObject({
    name: mcpServerFields.name.optional(),
    transport: mcpServerFields.transport.optional(),
    command: mcpServerFields.command.nullable().optional(),
    args: mcpServerFields.args.optional(),
    env: mcpServerFields.env.optional(),
    url: mcpServerFields.url.nullable().optional(),
    headers: mcpServerFields.headers.optional(),
    enabled: mcpServerFields.enabled.optional(),
    allowedRoles: mcpServerFields.allowedRoles.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });
export type UpdateMcpServerBody = z.infer<typeof updateMcpServerBodySchema>;

/** A server as the API returns it: env and header values are masked. */
export const mcpServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Prefix of its tools in the registry (`<slug>__<tool>`). */
  slug: z.string(),
  transport: z.enum(mcpTransports),
  command: z.string().nullable(),
  args: z.array(z.string()),
  /** Names → {@link maskedSecretValue}. */
  env: z.record(z.string(), z.string()),
  url: z.string().nullable(),
  /** Names → {@link maskedSecretValue}. */
  headers: z.record(z.string(), z.string()),
  enabled: z.boolean(),
  allowedRoles: z.array(z.enum(mcpRoles)).nullable(),
  status: z.enum(mcpServerStatuses),
  /** Why the server is in `error`. */
  lastError: z.string().optional(),
  /** The last errors (newest first, at most 10) since the server process started, for the admin page. */
  recentErrors: z.array(z.object({ at: isoDateSchema, message: z.string() })),
  /** The stdio child's process id while it runs (diagnostics). */
  processId: z.number().int().nullable(),
  toolCount: z.number().int(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type McpServer = z.infer<typeof mcpServerSchema>;

export const mcpServerToolSchema = z.object({
  /** The server's own tool name. */
  name: z.string(),
  /** The name the model calls (`<slug>__<tool>`). */
  registryName: z.string(),
  description: z.string(),
});
export type McpServerTool = z.infer<typeof mcpServerToolSchema>;

export const mcpServerResponseSchema = z.object({ server: mcpServerSchema });
export const mcpServersResponseSchema = z.object({ servers: z.array(mcpServerSchema) });
export const mcpServerDetailResponseSchema = z.object({ server: mcpServerSchema, tools: z.array(mcpServerToolSchema) });

/** `GET /api/user/bridge`: the user's bridge as Settings → My bridge shows it. */
export const userBridgeResponseSchema = z.object({
  connected: z.boolean(),
  clientId: z.string().nullable(),
  clientVersion: z.string().nullable(),
  platform: z.string().nullable(),
  connectedAt: isoDateSchema.nullable(),
  lastHeartbeatAt: isoDateSchema.nullable(),
  tools: z.array(z.object({ registryName: z.string(), server: z.string(), name: z.string(), description: z.string() })),
});
export type UserBridge = z.infer<typeof userBridgeResponseSchema>;
