import {
  createMcpServerBodySchema,
  maskedSecretValue,
  mcpTransportIssues,
  updateMcpServerBodySchema,
  type CreateMcpServerBody,
  type McpServer,
  type McpTransport,
  type UpdateMcpServerBody,
} from '@claraverse/shared';
import type { FieldErrors } from '../../../lib/form-errors';
import { mcpFieldErrorsFromIssues } from '../lib/describe-mcp-error';

/** One environment variable or header. Values are write-only: a stored one comes back empty with `isStored`. */
export interface SecretRow {
  /** Stable React key of the row. */
  rowId: string;
  name: string;
  /** Empty on a stored row keeps the stored value; typed text replaces it. */
  value: string;
  /** The server holds a value for this name (the name is then fixed: remove the row to drop it). */
  isStored: boolean;
}

/** What the MCP server form edits, straight from its controls. */
export interface McpServerFormValues {
  name: string;
  transport: McpTransport;
  command: string;
  /** One argument per line. */
  argsText: string;
  envRows: SecretRow[];
  url: string;
  headerRows: SecretRow[];
  enabled: boolean;
  allowsUsers: boolean;
  allowsAdmins: boolean;
}

let nextRowId = 1;

/** A new, empty variable or header row. */
export function emptySecretRow(): SecretRow {
  return { rowId: `row-${nextRowId++}`, name: '', value: '', isStored: false };
}

function storedRows(masked: Record<string, string>): SecretRow[] {
  return Object.keys(masked).map((name) => ({ ...emptySecretRow(), name, isStored: true }));
}

export function initialMcpServerFormValues(server: McpServer | null): McpServerFormValues {
  return {
    name: server?.name ?? '',
    transport: server?.transport ?? 'stdio',
    command: server?.command ?? '',
    argsText: (server?.args ?? []).join('\n'),
    envRows: server ? storedRows(server.env) : [],
    url: server?.url ?? '',
    headerRows: server ? storedRows(server.headers) : [],
    enabled: server?.enabled ?? true,
    allowsUsers: server?.allowedRoles?.includes('user') ?? true,
    allowsAdmins: server?.allowedRoles?.includes('admin') ?? true,
  };
}

/** The lines of the arguments box, without blank ones (an argument keeps its inner and outer spaces). */
function argsOf(argsText: string): string[] {
  return argsText.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** The rows as a name → value map; a stored row left empty sends the mask, which keeps the stored value. */
function secretMapOf(rows: readonly SecretRow[], what: 'variable' | 'header'): { map: Record<string, string> } | { error: string } {
  const map: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!name) return { error: `Give each ${what} a name.` };
    if (name in map) return { error: `${name}: this ${what} is listed twice.` };
    map[name] = row.isStored && row.value === '' ? maskedSecretValue : row.value;
  }
  return { map };
}

export type McpServerBodyResult =
  | { success: true; body: CreateMcpServerBody | UpdateMcpServerBody }
  | { success: false; fieldErrors: FieldErrors };

/**
 * Builds the request body and validates it with the shared schemas. A new server gets the create body with only
 * its transport's fields; an existing one gets every field, with the other transport's fields cleared (null or
 * empty) so that switching transport leaves nothing behind.
 */
export function buildMcpServerBody(values: McpServerFormValues, isNew: boolean): McpServerBodyResult {
  const fieldErrors: FieldErrors = {};
  if (!values.name.trim()) fieldErrors.name = 'Give the server a name.';
  if (!values.allowsUsers && !values.allowsAdmins) fieldErrors.allowedRoles = 'Choose at least one role.';
  const env = secretMapOf(values.transport === 'stdio' ? values.envRows : [], 'variable');
  const headers = secretMapOf(values.transport === 'http' ? values.headerRows : [], 'header');
  if ('error' in env) fieldErrors.env = env.error;
  if ('error' in headers) fieldErrors.headers = headers.error;
  if (Object.keys(fieldErrors).length > 0 || 'error' in env || 'error' in headers) return { success: false, fieldErrors };

  const allowedRoles = values.allowsUsers && values.allowsAdmins ? null : [values.allowsUsers ? ('user' as const) : ('admin' as const)];
  const command = values.command.trim();
  const url = values.url.trim();
  const args = argsOf(values.argsText);
  const isStdio = values.transport === 'stdio';

  if (isNew) {
    const parsed = createMcpServerBodySchema.safeParse({
      name: values.name,
      transport: values.transport,
      ...(isStdio
        ? { ...(command ? { command } : {}), ...(args.length > 0 ? { args } : {}), ...(Object.keys(env.map).length > 0 ? { env: env.map } : {}) }
        : { ...(url ? { url } : {}), ...(Object.keys(headers.map).length > 0 ? { headers: headers.map } : {}) }),
      enabled: values.enabled,
      ...(allowedRoles ? { allowedRoles } : {}),
    });
    return parsed.success ? { success: true, body: parsed.data } : { success: false, fieldErrors: mcpFieldErrorsFromIssues(parsed.error.issues) };
  }

  const parsed = updateMcpServerBodySchema.safeParse({
    name: values.name,
    transport: values.transport,
    command: isStdio ? command || null : null,
    args: isStdio ? args : [],
    env: env.map,
    url: isStdio ? null : url || null,
    headers: headers.map,
    enabled: values.enabled,
    allowedRoles,
  });
  if (!parsed.success) return { success: false, fieldErrors: mcpFieldErrorsFromIssues(parsed.error.issues) };
  // The update schema is partial, so the transport rules the create schema applies are checked here.
  const transportIssues = mcpTransportIssues({ ...parsed.data, transport: values.transport });
  if (transportIssues.length > 0) {
    return { success: false, fieldErrors: mcpFieldErrorsFromIssues(transportIssues.map((issue) => ({ path: [issue.path], message: issue.message }))) };
  }
  return { success: true, body: parsed.data };
}
