import type { Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings (`2026-11-25T21:46:03.000Z`) in both dialects so that
 * queries, sorting and comparisons behave the same on SQLite and PostgreSQL (docs/decisions/0003).
 * JSON columns are text holding JSON.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string;
  role: 'user' | 'admin';
  status: 'active' | 'pending' | 'disabled';
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** Access tokens issued before this instant (whole seconds) are refused: set on password change. */
  sessions_revoked_at: string | null;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  /** All tokens descended from one sign-in share a family; reuse of a spent token revokes the family. */
  family_id: string;
  /** SHA-256 of the opaque token, hex. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** Set when the token was exchanged for a new one. */
  used_at: string | null;
  revoked_at: string | null;
}

export interface UserPreferencesTable {
  user_id: string;
  /** JSON of the preferences that differ from the defaults. */
  preferences: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  created_at: string;
  /** Not a foreign key: the trail outlives the account that acted. */
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** JSON, never a secret. */
  details: string | null;
}

export interface UsageCountersTable {
  user_id: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  model_id: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number; read with Number(). */
  input_tokens: number | string;
  output_tokens: number | string;
  requests: number;
}

export interface ApiKeysTable {
  id: string;
  user_id: string;
  name: string;
  /** `clv_` + the next 8 characters, to recognise a key in lists. */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  key_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  rate_limit_per_minute: number;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface Database {
  api_keys: ApiKeysTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  user_preferences: UserPreferencesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  usage_counters: UsageCountersTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;
export type AuditLogRow = Selectable<AuditLogTable>;

// --- Providers and models (providers/). Merged into `Database` by declaration merging. ---

export interface ProvidersTable {
  id: string;
  /** NULL for an instance provider; the owning user for a bring-your-own-key provider. */
  owner_user_id: string | null;
  name: string;
  kind: 'openai' | 'anthropic' | 'google' | 'openai-compatible';
  base_url: string;
  /** Cipher envelope (`v1:…`) sealed for the owner (or `instance`) and the provider id; never returned. */
  api_key_ciphertext: string | null;
  enabled: number;
  /** JSON `{ imageOnly, imageEditOnly, audioOnly, secure }`. */
  flags: string;
  system_prompt: string | null;
  /** JSON `[{ pattern, action, priority }]`. */
  filters: string;
  last_fetched_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ModelsTable {
  id: string;
  provider_id: string;
  /** The provider's own model id. */
  name: string;
  display_name: string;
  description: string | null;
  context_length: number | null;
  /** JSON `{ tools, vision, streaming, reasoning, structuredOutput }`. */
  capabilities: string;
  is_visible: number;
  /** 1 once an admin set the visibility by hand; filters then leave it alone. */
  visibility_locked: number;
  system_prompt: string | null;
  /** Recommendation tier 1–5. */
  tier: number | null;
  fetched_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ModelAliasesTable {
  alias: string;
  model_id: string;
  display_name: string | null;
  description: string | null;
  created_at: string;
}

export interface ModelCapabilitiesTable {
  model_id: string;
  /** JSON of the last `modelTestResultSchema` result. */
  last_test_result: string | null;
  /** 1 when the provider refused a request because the model cannot use tools. */
  tools_unsupported: number;
  tested_at: string | null;
}

export interface Database {
  providers: ProvidersTable;
  models: ModelsTable;
  model_aliases: ModelAliasesTable;
  model_capabilities: ModelCapabilitiesTable;
}

export type ProviderRow = Selectable<ProvidersTable>;
export type ModelRow = Selectable<ModelsTable>;
export type ModelAliasRow = Selectable<ModelAliasesTable>;

// --- Files (files/): uploads and tool-generated secure files. ---

export interface FilesTable {
  id: string;
  user_id: string;
  /** `upload` (expires after the upload TTL) or `generated` (a tool's output behind an access code, 30 days). */
  kind: 'upload' | 'generated';
  /** The name shown to the user; never a path on disk. */
  filename: string;
  /** Sniffed from the content (uploads) or set by the tool. */
  mime_type: string;
  /** bigint: PostgreSQL returns it as a string, SQLite as a number; read with Number(). */
  size: number | string;
  /** SHA-256 of the content, hex. */
  sha256: string;
  /** Random name of the bytes under the files folder. */
  storage_name: string;
  /** SHA-256 of a generated file's access code, hex; null for uploads. */
  access_code_hash: string | null;
  conversation_id: string | null;
  /** JSON of what was read from the file at upload (page/word counts, text preview, data preview). */
  details: string | null;
  created_at: string;
  expires_at: string;
}

export interface Database {
  files: FilesTable;
}

export type FileRow = Selectable<FilesTable>;

// --- MCP servers (mcp/): admin-configured servers and their discovered tools. ---

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

export interface Database {
  mcp_servers: McpServersTable;
  mcp_server_tools: McpServerToolsTable;
}

export type McpServerRow = Selectable<McpServersTable>;
export type McpServerToolRow = Selectable<McpServerToolsTable>;

// --- Credentials (credentials/): a user's connections to integrations, values sealed. ---

export interface CredentialsTable {
  id: string;
  user_id: string;
  /** The integration's id (`slack`, `aws_s3`). */
  integration_type: string;
  name: string;
  /** The values as JSON, sealed with the user's key and the record id (`v1:` envelope). */
  encrypted_data: string;
  /** Fingerprint of the master key that sealed `encrypted_data` (rotation re-seals the others). */
  key_id: string;
  masked_preview: string;
  /** JSON array of the field keys that hold a value. */
  configured_fields: string;
  usage_count: number;
  last_used_at: string | null;
  last_test_at: string | null;
  /** `success` | `failed` | null (never tested). */
  test_status: string | null;
  test_message: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  credentials: CredentialsTable;
}

export type CredentialRow = Selectable<CredentialsTable>;

// --- Agents (agents/): agents with their current workflow, version snapshots, executions. ---

export interface AgentsTable {
  id: string;
  user_id: string;
  name: string;
  description: string;
  /** `draft` | `active` | `deployed` | `paused`. */
  status: string;
  /** JSON object of the agent's settings. */
  settings: string;
  /** JSON `{ blocks, connections, variables }`, null until first saved. */
  workflow: string | null;
  /** Incremented by every save (0 before the first). */
  workflow_version: number;
  block_count: number;
  created_at: string;
  updated_at: string;
}

export interface WorkflowVersionsTable {
  agent_id: string;
  version: number;
  /** JSON `{ blocks, connections, variables }`. */
  workflow: string;
  description: string;
  block_count: number;
  created_at: string;
}

export interface ExecutionsTable {
  id: string;
  agent_id: string;
  user_id: string;
  /** `manual` | `api` | `schedule` | `webhook`. */
  trigger: string;
  api_key_id: string | null;
  workflow_version: number;
  /** `running` | `completed` | `partial` | `failed` | `cancelled`. */
  status: string;
  /** JSON (large values truncated with a marker). */
  input: string | null;
  output: string | null;
  /** JSON `{ code, message, details? }`. */
  error: string | null;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  /** The process (`agent_runners.id`) running it; null for rows written before runners were tracked. */
  runner_id: string | null;
}

/** A server process that runs agents; its heartbeat says it is alive. */
export interface AgentRunnersTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
}

export interface ExecutionBlocksTable {
  execution_id: string;
  block_id: string;
  name: string;
  type: string;
  status: string;
  inputs: string | null;
  output: string | null;
  error: string | null;
  started_at: string | null;
  completed_at: string | null;
  attempts: number;
  /** JSON array of `{ attempt, error, startedAt, durationMs }`. */
  retry_history: string;
}

export interface Database {
  agents: AgentsTable;
  workflow_versions: WorkflowVersionsTable;
  executions: ExecutionsTable;
  execution_blocks: ExecutionBlocksTable;
  agent_runners: AgentRunnersTable;
}

export type AgentRow = Selectable<AgentsTable>;
export type WorkflowVersionRow = Selectable<WorkflowVersionsTable>;
export type ExecutionRow = Selectable<ExecutionsTable>;
export type ExecutionBlockRow = Selectable<ExecutionBlocksTable>;

export interface AgentSchedulesTable {
  id: string;
  agent_id: string;
  user_id: string;
  /** 5-field cron expression, evaluated in `timezone`. */
  cron_expression: string;
  /** IANA time zone. */
  timezone: string;
  /** JSON: the input of each scheduled run. */
  input_template: string;
  /** 1 or 0. */
  enabled: number;
  next_run_at: string | null;
  last_run_at: string | null;
  total_runs: number;
  successful_runs: number;
  failed_runs: number;
  created_at: string;
  updated_at: string;
}

/** One claimed tick of a schedule: inserting it is the lock (the primary key refuses a second claim). */
export interface ScheduleTicksTable {
  schedule_id: string;
  tick_at: string;
  claimed_at: string;
}

export interface Database {
  agent_schedules: AgentSchedulesTable;
  schedule_ticks: ScheduleTicksTable;
}

export type AgentScheduleRow = Selectable<AgentSchedulesTable>;

/** An agent's inbound webhook; `id` is the path segment of `POST /api/hooks/:hookId`. */
export interface AgentWebhooksTable {
  id: string;
  agent_id: string;
  user_id: string;
  /** The HMAC-SHA256 signing secret sealed with the owner's key; null when requests are not signed. */
  sealed_secret: string | null;
  created_at: string;
}

export interface Database {
  agent_webhooks: AgentWebhooksTable;
}

export type AgentWebhookRow = Selectable<AgentWebhooksTable>;

/** An agent's builder conversation: its messages are one JSON array sealed with the owner's key (agents/builder). */
export interface AgentBuilderConversationsTable {
  id: string;
  agent_id: string;
  user_id: string;
  /** `v1:…` envelope of the JSON array of messages (recordId `builder-conversation:<id>`). */
  sealed_messages: string;
  message_count: number;
  /** Incremented by every write; an append only succeeds on the revision it read. */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  agent_builder_conversations: AgentBuilderConversationsTable;
}

export type AgentBuilderConversationRow = Selectable<AgentBuilderConversationsTable>;
