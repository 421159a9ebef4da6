import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';

export const providerKinds = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
export type ProviderKind = (typeof providerKinds)[number];

/** http(s) URL of a provider's API, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
export const providerBaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, message: 'Use an http:// or https:// URL' }))
  .transform((url) => url.replace(/\/+$/, ''));

export const providerFlagsSchema = z.strictObject({
  /** Only generates images (OpenAI-compatible `/images/generations`). */
  imageOnly: z.boolean().default(false),
  /** Only edits images. */
  imageEditOnly: z.boolean().default(false),
  /** Only transcribes audio (`/audio/transcriptions`); hidden from the chat model list. */
  audioOnly: z.boolean().default(false),
  /** Shown with a badge: the provider does not keep data. */
  secure: z.boolean().default(false),
});
export type ProviderFlags = z.infer<typeof providerFlagsSchema>;

/** Include/exclude models by glob (`*` matches anything); higher priority wins. */
export const modelFilterSchema = z.strictObject({
  pattern: z.string().trim().min(1).max(200),
  action: z.enum(['include', 'exclude']),
  priority: z.number().int().min(0).max(1000).default(0),
});
export type ModelFilter = z.infer<typeof modelFilterSchema>;

const providerFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(providerKinds),
  baseUrl: providerBaseUrlSchema,
  /** Secret; stored encrypted and never returned. */
  apiKey: z.string().trim().min(1).max(4096).optional(),
  enabled: z.boolean().default(true),
  flags: providerFlagsSchema.optional(),
  systemPrompt: z.string().max(20_000).optional(),
  filters: z.array(modelFilterSchema).max(100).optional(),
};

export const createProviderBodySchema = z.strictObject(providerFields);
export type CreateProviderBody = z.infer<typeof createProviderBodySchema>;

/** Partial update; `apiKey: null` removes the stored key. */
export const updateProviderBodySchema = z
  .strictObject({
    name: providerFields.name.optional(),
    kind: providerFields.kind.optional(),
    baseUrl: providerBaseUrlSchema.optional(),
    apiKey: z.string().trim().min(1).max(4096).nullable().optional(),
    enabled: z.boolean().optional(),
    // Optional without defaults: a PATCH changes only the flags it names.
    flags: z
      .strictObject({ imageOnly: z.boolean().optional(), imageEditOnly: z.boolean().optional(), audioOnly: z.boolean().optional(), secure: z.boolean().optional() })
      .optional(),
    systemPrompt: z.string().max(20_000).nullable().optional(),
    filters: z.array(modelFilterSchema).max(100).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });
export type UpdateProviderBody = z.infer<typeof updateProviderBodySchema>;

/** A provider as the API returns it: never the key, only whether one is stored. */
export const providerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(providerKinds),
  baseUrl: z.string(),
  hasApiKey: z.boolean(),
  enabled: z.boolean(),
  flags: z.object({ imageOnly: z.boolean(), imageEditOnly: z.boolean(), audioOnly: z.boolean(), secure: z.boolean() }),
  systemPrompt: z.string().nullable(),
  filters: z.array(z.object({ pattern: z.string(), action: z.enum(['include', 'exclude']), priority: z.number() })),
  /** Set for a user's own (bring-your-own-key) provider. */
  ownerUserId: z.string().nullable(),
  lastFetchedAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Provider = z.infer<typeof providerSchema>;
export const providerResponseSchema = z.object({ provider: providerSchema });
export const providersResponseSchema = z.object({ providers: z.array(providerSchema) });

/** What any signed-in user may see of the instance's providers. */
export const publicProviderSchema = providerSchema.pick({ id: true, name: true, kind: true, enabled: true, flags: true });
export const publicProvidersResponseSchema = z.object({ providers: z.array(publicProviderSchema) });

export const modelCapabilitiesSchema = z.object({
  tools: z.boolean(),
  vision: z.boolean(),
  streaming: z.boolean(),
  reasoning: z.boolean(),
  structuredOutput: z.boolean(),
});
export type ModelCapabilities = z.infer<typeof modelCapabilitiesSchema>;

/** Recommendation tier 1 (best) … 5, shown in the model picker. */
export const modelTierSchema = z.number().int().min(1).max(5);

export const modelSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  /** The provider's own model id, sent upstream (`gpt-4.1`, `llama3.2:3b`). */
  name: z.string(),
  displayName: z.string(),
  description: z.string().nullable(),
  contextLength: z.number().int().nullable(),
  capabilities: modelCapabilitiesSchema,
  isVisible: z.boolean(),
  systemPrompt: z.string().nullable(),
  tier: modelTierSchema.nullable(),
  fetchedAt: isoDateSchema.nullable(),
});
export type Model = z.infer<typeof modelSchema>;
export const modelResponseSchema = z.object({ model: modelSchema });
export const modelsAdminResponseSchema = z.object({ models: z.array(modelSchema) });

export const updateModelBodySchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    contextLength: z.number().int().min(1).max(100_000_000).nullable().optional(),
    capabilities: modelCapabilitiesSchema.partial().strict().optional(),
    isVisible: z.boolean().optional(),
    systemPrompt: z.string().max(20_000).nullable().optional(),
    tier: modelTierSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' });
export type UpdateModelBody = z.infer<typeof updateModelBodySchema>;

export const bulkModelVisibilityBodySchema = z.strictObject({
  modelIds: z.array(z.string().min(1).max(64)).min(1).max(1000),
  isVisible: z.boolean(),
});

/** A model as a user's model picker sees it. */
export const userModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  capabilities: modelCapabilitiesSchema,
  tier: modelTierSchema.nullable(),
  contextLength: z.number().int().nullable(),
  /** True for models of the user's own (bring-your-own-key) providers. */
  isOwn: z.boolean(),
});
export type UserModel = z.infer<typeof userModelSchema>;
export const userModelsResponseSchema = z.object({ models: z.array(userModelSchema) });

export const modelAliasSchema = z.object({
  alias: z.string(),
  modelId: z.string(),
  displayName: z.string().nullable(),
  description: z.string().nullable(),
});
export type ModelAlias = z.infer<typeof modelAliasSchema>;
export const createModelAliasBodySchema = z.strictObject({
  alias: z.string().trim().min(1).max(200).regex(/^[\w.:/-]+$/, { message: 'Use letters, digits and . : / - _' }),
  displayName: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
});
export const modelAliasesResponseSchema = z.object({ aliases: z.array(modelAliasSchema) });

/** Result of `POST /api/admin/models/:id/test`. */
export const modelTestResultSchema = z.object({
  modelId: z.string(),
  passed: z.boolean(),
  latencyMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  supportsTools: z.boolean().nullable(),
  /** Share of structured-output prompts answered with schema-valid JSON, 0–100. */
  structuredOutputCompliance: z.number().min(0).max(100).nullable(),
  error: z.string().nullable(),
  testedAt: isoDateSchema,
});
export type ModelTestResult = z.infer<typeof modelTestResultSchema>;
