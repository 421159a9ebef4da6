import type { Selectable } from 'kysely';

// Providers and models (providers/).
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

export interface ProvidersTables {
  providers: ProvidersTable;
  models: ModelsTable;
  model_aliases: ModelAliasesTable;
  model_capabilities: ModelCapabilitiesTable;
}

export type ProviderRow = Selectable<ProvidersTable>;
export type ModelRow = Selectable<ModelsTable>;
export type ModelAliasRow = Selectable<ModelAliasesTable>;
