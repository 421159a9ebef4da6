import {
  modelCapabilitiesSchema,
  modelFilterSchema,
  providerFlagsSchema,
  type Model,
  type ModelAlias,
  type ModelCapabilities,
  type ModelFilter,
  type Provider,
  type ProviderFlags,
} from '@claraverse/shared';
import { z } from 'zod';
import type { ModelAliasRow, ModelRow, ProviderRow } from '../platform/database/tables.js';

const defaultFlags: ProviderFlags = { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false };
const defaultCapabilities: ModelCapabilities = { tools: true, vision: false, streaming: true, reasoning: false, structuredOutput: false };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Stored flags, with defaults for anything missing or unreadable. */
// Built once: zod compiles each schema it creates, which was a visible cost per resolved model.
const partialFlagsSchema = providerFlagsSchema.partial();
const filtersSchema = z.array(modelFilterSchema);
const partialCapabilitiesSchema = modelCapabilitiesSchema.partial();

export function readFlags(text: string): ProviderFlags {
  const parsed = partialFlagsSchema.safeParse(parseJson(text));
  return { ...defaultFlags, ...(parsed.success ? parsed.data : {}) };
}

export function readFilters(text: string): ModelFilter[] {
  const parsed = filtersSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : [];
}

export function readCapabilities(text: string): ModelCapabilities {
  const parsed = partialCapabilitiesSchema.safeParse(parseJson(text));
  return { ...defaultCapabilities, ...(parsed.success ? parsed.data : {}) };
}

/** Capabilities of a newly listed model, guessed from its name; an admin can correct them. */
export function guessCapabilities(modelName: string): ModelCapabilities {
  const name = modelName.toLowerCase();
  return {
    ...defaultCapabilities,
    vision: /vision|vl\b|-vl-|gpt-4o|gpt-4\.1|gpt-5|claude-(3|sonnet|opus|haiku)|gemini|llava|pixtral|gemma-?3/.test(name),
    reasoning: /(^|[^a-z])(o1|o3|o4)([^a-z]|$)|reason|thinking|-r1|deepseek-r|qwq|gpt-5/.test(name),
  };
}

/** A provider as the API shows it: never the key, only whether one is stored. */
export function presentProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    baseUrl: row.base_url,
    hasApiKey: row.api_key_ciphertext !== null,
    enabled: row.enabled === 1,
    flags: readFlags(row.flags),
    systemPrompt: row.system_prompt,
    filters: readFilters(row.filters),
    ownerUserId: row.owner_user_id,
    lastFetchedAt: row.last_fetched_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentModel(row: ModelRow): Model {
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    contextLength: row.context_length,
    capabilities: readCapabilities(row.capabilities),
    isVisible: row.is_visible === 1,
    systemPrompt: row.system_prompt,
    tier: row.tier,
    fetchedAt: row.fetched_at,
  };
}

export function presentAlias(row: ModelAliasRow): ModelAlias {
  return { alias: row.alias, modelId: row.model_id, displayName: row.display_name, description: row.description };
}
