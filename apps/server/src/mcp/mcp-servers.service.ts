import { randomUUID } from 'node:crypto';
import {
  mcpTransportIssues,
  type CreateMcpServerBody,
  type McpServer,
  type McpServerTool,
  type UpdateMcpServerBody,
} from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { Cipher } from '../platform/crypto/cipher.js';
import type { McpServerRow } from '../platform/database/tables.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors/app-error.js';
import type { Logger } from '../platform/logging/logger.js';
import type { DiscoveredTool, McpServerRuntimeConfig } from './mcp-client-session.js';
import type { McpConnectionManager } from './mcp-connection-manager.js';
import { maskSecrets, openSecrets, sealSecrets } from './mcp-secrets.js';
import type { McpServersRepository } from './mcp-servers.repository.js';
import { registryToolName, slugOf } from './mcp-tool-names.js';
import { assertMcpUrlShape } from './mcp-url-policy.js';

/** Who acts, for the audit trail. */
export interface Actor {
  userId: string;
  ip: string;
}

export interface McpServersServiceDeps {
  repository: McpServersRepository;
  manager: McpConnectionManager;
  cipher: Cipher;
  auditService: AuditService;
  logger: Logger;
  now: () => Date;
  /** The outbound allow-list entries (`OUTBOUND_ALLOWLIST` and the admin setting) an HTTP server may use. */
  loadOutboundAllowlist(): Promise<readonly string[]>;
}

const rolesOf = (row: McpServerRow): Array<'user' | 'admin'> | null => (row.allowed_roles ? (JSON.parse(row.allowed_roles) as Array<'user' | 'admin'>) : null);

async function assertTransportFields(deps: McpServersServiceDeps, fields: Parameters<typeof mcpTransportIssues>[0]): Promise<void> {
  const issues = mcpTransportIssues(fields);
  if (issues.length > 0) throw new ValidationError(`The request body is invalid (${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')})`, issues);
  if (fields.transport === 'http' && fields.url) await assertMcpUrlShape(fields.url, await deps.loadOutboundAllowlist());
}

function runtimeConfigOf(cipher: Cipher, row: McpServerRow): McpServerRuntimeConfig {
  return {
    id: row.id, name: row.name, slug: row.slug, transport: row.transport, command: row.command,
    args: JSON.parse(row.args) as string[], env: openSecrets(cipher, row.id, 'env', row.env), url: row.url,
    headers: openSecrets(cipher, row.id, 'header', row.headers), enabled: row.enabled === 1, allowedRoles: rolesOf(row),
  };
}

function present(manager: McpConnectionManager, row: McpServerRow, toolCount: number): McpServer {
  const state = manager.stateOf(row.id);
  return {
    id: row.id, name: row.name, slug: row.slug, transport: row.transport, command: row.command, args: JSON.parse(row.args) as string[],
    env: maskSecrets(row.env), url: row.url, headers: maskSecrets(row.headers), enabled: row.enabled === 1, allowedRoles: rolesOf(row),
    status: row.enabled === 1 ? (state?.status ?? 'connecting') : 'disabled',
    ...(state?.lastError !== undefined ? { lastError: state.lastError } : {}),
    recentErrors: state?.recentErrors ?? [], processId: state?.processId ?? null, toolCount,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Hands a row to the manager; secrets that cannot be decrypted leave the server in error instead of failing. */
async function applyToManager(deps: McpServersServiceDeps, row: McpServerRow): Promise<void> {
  let config: McpServerRuntimeConfig;
  try {
    config = runtimeConfigOf(deps.cipher, row);
  } catch (error) {
    deps.logger.error({ mcpServer: row.name }, 'the secrets of an MCP server cannot be decrypted');
    const withoutSecrets = { id: row.id, name: row.name, slug: row.slug, transport: row.transport, command: row.command, args: [], env: {}, url: row.url, headers: {}, enabled: row.enabled === 1, allowedRoles: rolesOf(row) };
    await deps.manager.applyBroken(withoutSecrets, error instanceof Error ? error.message : 'The stored secrets cannot be read');
    throw error;
  }
  await deps.manager.apply(config);
}

async function findRow(repository: McpServersRepository, id: string): Promise<McpServerRow> {
  const row = await repository.findById(id);
  if (!row) throw new NotFoundError('MCP server', id);
  return row;
}

async function assertNameFree(repository: McpServersRepository, name: string, slug: string, exceptId?: string): Promise<void> {
  const taken = await repository.nameOrSlugTaken(name, slug, exceptId);
  if (taken === 'name') throw new ConflictError(`An MCP server called "${name}" already exists`);
  if (taken === 'slug') throw new ConflictError(`Another MCP server's name gives the same tool prefix "${slug}"; choose a more distinct name`);
}

async function updateServer(deps: McpServersServiceDeps, id: string, body: UpdateMcpServerBody, actor: Actor): Promise<McpServer> {
  const { repository, cipher } = deps;
  const row = await findRow(repository, id);
  const transport = body.transport ?? row.transport;
  const merged = {
    transport,
    command: body.command !== undefined ? body.command : row.command,
    args: body.args ?? (JSON.parse(row.args) as string[]),
    env: body.env ?? maskSecrets(row.env),
    url: body.url !== undefined ? body.url : row.url,
    headers: body.headers ?? maskSecrets(row.headers),
  };
  await assertTransportFields(deps, merged);
  const name = body.name ?? row.name;
  const slug = slugOf(name);
  if (body.name !== undefined) await assertNameFree(repository, name, slug, id);
  const updated: McpServerRow = {
    ...row, name, slug, transport, command: merged.command, args: JSON.stringify(merged.args),
    env: body.env !== undefined ? sealSecrets(cipher, id, 'env', body.env, row.env) : row.env,
    url: merged.url, headers: body.headers !== undefined ? sealSecrets(cipher, id, 'header', body.headers, row.headers) : row.headers,
    enabled: body.enabled !== undefined ? (body.enabled ? 1 : 0) : row.enabled,
    allowed_roles: body.allowedRoles !== undefined ? (body.allowedRoles ? JSON.stringify(body.allowedRoles) : null) : row.allowed_roles,
    updated_at: deps.now().toISOString(),
  };
  const { id: _id, created_at: _createdAt, created_by: _createdBy, ...changes } = updated;
  await repository.update(id, changes);
  await deps.auditService.record({
    actorUserId: actor.userId, action: 'admin.mcp-server-updated', targetType: 'mcp_server', targetId: id, ip: actor.ip,
    details: { name, changed: Object.keys(body).filter((key) => body[key as keyof UpdateMcpServerBody] !== undefined) },
  });
  // Settings changed: a fresh connection (a stdio child restarts) so the new settings apply.
  await applyToManager(deps, updated);
  return present(deps.manager, updated, (await repository.listTools(id)).length);
}

/** Admin MCP servers: stored with their env and header values encrypted, connected by the manager. */
export function createMcpServersService(deps: McpServersServiceDeps) {
  const { repository, manager, cipher } = deps;

  return {
    async list(): Promise<McpServer[]> {
      const [rows, counts] = await Promise.all([repository.list(), repository.countToolsByServer()]);
      return rows.map((row) => present(manager, row, counts.get(row.id) ?? 0));
    },

    async get(id: string): Promise<{ server: McpServer; tools: McpServerTool[] }> {
      const row = await findRow(repository, id);
      const tools = await repository.listTools(id);
      return {
        server: present(manager, row, tools.length),
        tools: tools.map((tool) => ({ name: tool.name, registryName: registryToolName(row.slug, tool.name), description: tool.description })),
      };
    },

    async create(body: CreateMcpServerBody, actor: Actor): Promise<McpServer> {
      await assertTransportFields(deps, body);
      const slug = slugOf(body.name);
      await assertNameFree(repository, body.name, slug);
      const id = randomUUID();
      const now = deps.now().toISOString();
      const row: McpServerRow = {
        id, name: body.name, slug, transport: body.transport, command: body.command ?? null, args: JSON.stringify(body.args ?? []),
        env: sealSecrets(cipher, id, 'env', body.env ?? {}), url: body.url ?? null, headers: sealSecrets(cipher, id, 'header', body.headers ?? {}),
        enabled: body.enabled ? 1 : 0, allowed_roles: body.allowedRoles ? JSON.stringify(body.allowedRoles) : null,
        created_by: actor.userId, created_at: now, updated_at: now,
      };
      await repository.insert(row);
      await deps.auditService.record({
        actorUserId: actor.userId, action: 'admin.mcp-server-created', targetType: 'mcp_server', targetId: id, ip: actor.ip,
        details: { name: body.name, transport: body.transport, envNames: Object.keys(body.env ?? {}), headerNames: Object.keys(body.headers ?? {}), enabled: body.enabled },
      });
      await applyToManager(deps, row);
      return present(manager, row, 0);
    },

    /** Changes a server; it reconnects with the new settings (a stdio child restarts). */
    update: (id: string, body: UpdateMcpServerBody, actor: Actor) => updateServer(deps, id, body, actor),

    /** Deletes a server; its child process is gone when this resolves. */
    async remove(id: string, actor: Actor): Promise<void> {
      const row = await findRow(repository, id);
      await repository.deleteById(id);
      await deps.manager.remove(id);
      await deps.auditService.record({ actorUserId: actor.userId, action: 'admin.mcp-server-deleted', targetType: 'mcp_server', targetId: id, ip: actor.ip, details: { name: row.name } });
    },

    /** Hands every stored server to the manager (enabled ones connect in the background). */
    async startAll(): Promise<void> {
      for (const row of await repository.list()) {
        await applyToManager(deps, row).catch(() => undefined);
      }
    },
  };
}
export type McpServersService = ReturnType<typeof createMcpServersService>;

/** Stores what a server listed (the manager calls it after each connection). */
export async function storeDiscoveredTools(
  deps: Pick<McpServersServiceDeps, 'repository' | 'now'>,
  serverId: string,
  tools: readonly DiscoveredTool[],
): Promise<void> {
  const discoveredAt = deps.now().toISOString();
  await deps.repository.replaceTools(serverId, tools.map((tool) => ({
    name: tool.name, description: tool.description, input_schema: JSON.stringify(tool.inputSchema), discovered_at: discoveredAt,
  })));
}
