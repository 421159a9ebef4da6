/**
 * Table types. Timestamps are ISO-8601 UTC strings (`2026-11-25T21:46:03.000Z`) in both dialects so that
 * queries, sorting and comparisons behave the same on SQLite and PostgreSQL (docs/decisions/0003).
 * JSON columns are text holding JSON.
 */
import type { CoreTables } from './tables/core.js';
import type { ProvidersTables } from './tables/providers.js';
import type { FilesTables } from './tables/files.js';
import type { McpTables } from './tables/mcp.js';
import type { CredentialsTables } from './tables/credentials.js';
import type { AgentsTables } from './tables/agents.js';

export type * from './tables/core.js';
export type * from './tables/providers.js';
export type * from './tables/files.js';
export type * from './tables/mcp.js';
export type * from './tables/credentials.js';
export type * from './tables/agents.js';

/** Every table, by name, as Kysely sees them; each domain's tables are declared in `tables/<domain>.ts`. */
export interface Database extends CoreTables, ProvidersTables, FilesTables, McpTables, CredentialsTables, AgentsTables {}
