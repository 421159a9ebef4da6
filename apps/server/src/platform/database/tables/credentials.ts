import type { Selectable } from 'kysely';

// Credentials (credentials/): a user's connections to integrations, values sealed.
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

export interface CredentialsTables {
  credentials: CredentialsTable;
}

export type CredentialRow = Selectable<CredentialsTable>;
