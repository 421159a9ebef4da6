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

/**
 * The rows as a name → value map; a stored row left empty sends the mask, which keeps the stored value. Blank
 * rows are skipped; `error` names the first row that cannot be sent (the map then holds the rows before it).
 */
function secretMapOf(rows: readonly SecretRow[], what: 'variable' | 'header'): { map: Record<string, string>; error?: string } {
  const map: Record<string, string> = {};
  for (const row of rows) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!name) return { map, error: `Give each ${what} a name.` };
    if (name in map) return { map, error: `${name}: this ${what} is listed twice.` };
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
  const isStdio = values.transport === 'stdio';
  const env = secretMapOf(isStdio ? values.envRows : [], 'variable');
  const headers = secretMapOf(isStdio ? [] : values.headerRows, 'header');
  // The form's own checks, with clearer sentences than the schema's; they win over the schema's for a field.
  const formErrors: FieldErrors = {};
  if (!values.name.trim()) formErrors.name = 'Give the server a name.';
  if (!values.allowsUsers && !values.allowsAdmins) formErrors.allowedRoles = 'Choose at least one role.';
  if (env.error) formErrors.env = env.error;
  if (headers.error) formErrors.headers = headers.error;

  const parsed = isNew ? parseCreateBody(values, env.map, headers.map) : parseUpdateBody(values, env.map, headers.map);
  const fieldErrors = { ...(parsed.success ? {} : parsed.fieldErrors), ...formErrors };
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors };
  return parsed;
}

function allowedRolesOf(values: McpServerFormValues): Array<'user' | 'admin'> | null {
  if (values.allowsUsers && values.allowsAdmins) return null;
  return values.allowsUsers ? ['user'] : values.allowsAdmins ? ['admin'] : [];
}

/** The create body holds only the chosen transport's fields, and none left empty. */
function parseCreateBody(values: McpServerFormValues, env: Record<string, string>, headers: Record<string, string>): McpServerBodyResult {
  const command = values.command.trim();
  const url = values.url.trim();
  const args = argsOf(values.argsText);
  const allowedRoles = allowedRolesOf(values);
  const parsed = createMcpServerBodySchema.safeParse({
    name: values.name,
    transport: values.transport,
    ...(values.transport === 'stdio'
      ? { ...(command ? { command } : {}), ...(args.length > 0 ? { args } : {}), ...(Object.keys(env).length > 0 ? { env } : {}) }
      : { ...(url ? { url } : {}), ...(Object.keys(headers).length > 0 ? { headers } : {}) }),
    enabled: values.enabled,
    ...(allowedRoles ? { allowedRoles } : {}),
  });
  return parsed.success ? { success: true, body: parsed.data } : { success: false, fieldErrors: mcpFieldErrorsFromIssues(parsed.error.issues) };
}

/** The update body sets every field, clearing the other transport's (null or empty) so nothing is left behind. */
function parseUpdateBody(values: McpServerFormValues, env: Record<string, string>, headers: Record<string, string>): McpServerBodyResult {
  const isStdio = values.transport === 'stdio';
  const parsed = updateMcpServerBodySchema.safeParse({
    name: values.name,
    transport: values.transport,
    command: isStdio ? values.command.trim() || null : null,
    args: isStdio ? argsOf(values.argsText) : [],
    env,
    url: isStdio ? null : values.url.trim() || null,
    headers,
    enabled: values.enabled,
    allowedRoles: allowedRolesOf(values),
  });
  if (!parsed.success) return { success: false, fieldErrors: mcpFieldErrorsFromIssues(parsed.error.issues) };
  // The update schema is partial, so the transport rules the create schema applies are checked here.
  const transportIssues = mcpTransportIssues({ ...parsed.data, transport: values.transport });
  if (transportIssues.length > 0) {
    return { success: false, fieldErrors: mcpFieldErrorsFromIssues(transportIssues.map((issue) => ({ path: [issue.path], message: issue.message }))) };
  }
  return { success: true, body: parsed.data };
}
