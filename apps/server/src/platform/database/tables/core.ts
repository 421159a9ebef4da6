import type { Insertable, Selectable, Updateable } from 'kysely';

// Accounts and the platform: users, sessions, preferences, settings, audit, usage counters, API keys.

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

export interface CoreTables {
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
