import type { Selectable } from 'kysely';

// Agents (agents/): agents with their current workflow, version snapshots, executions, schedules, webhooks, builder conversations.
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

export type AgentBuilderConversationRow = Selectable<AgentBuilderConversationsTable>;

export interface AgentsTables {
  agents: AgentsTable;
  workflow_versions: WorkflowVersionsTable;
  executions: ExecutionsTable;
  execution_blocks: ExecutionBlocksTable;
  agent_runners: AgentRunnersTable;
  agent_schedules: AgentSchedulesTable;
  schedule_ticks: ScheduleTicksTable;
  agent_webhooks: AgentWebhooksTable;
  agent_builder_conversations: AgentBuilderConversationsTable;
}
