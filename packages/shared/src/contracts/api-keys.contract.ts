import { z } from 'zod';
import { isoDateSchema } from './common.contract.js';

/**
 * What a personal API key may do: `chat` (the OpenAI-compatible API), `mcp-bridge` (connect a
 * `claraverse-bridge` to `WS /mcp/connect`), `execute:*` (trigger any of the owner's agents; `execute:<agentId>`
 * for one agent), `read:executions` (poll runs), `upload` (files for runs), `mcp` (ClaraVerse's own MCP server at
 * `POST /mcp`: the owner's agents as tools).
 */
export const apiKeyScopes = ['chat', 'mcp-bridge', 'execute:*', 'read:executions', 'upload', 'mcp'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** `execute:<agentId>`: a key that may trigger only that agent. */
export const agentExecuteScopeSchema = z.string().regex(/^execute:[A-Za-z0-9_-]{1,64}$/, { message: 'Use execute:<agentId>' });

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.union([z.enum(apiKeyScopes), agentExecuteScopeSchema])).min(1).max(20),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Requests per minute allowed for this key (default 60). */
  rateLimitPerMinute: z.number().int().min(1).max(10_000).optional(),
});
export type CreateApiKeyBody = z.infer<typeof createApiKeyBodySchema>;

/** A key's record: never the key itself (only its first characters to recognise it). */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `clv_` and the next 8 characters. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  rateLimitPerMinute: z.number(),
  expiresAt: isoDateSchema.nullable(),
  lastUsedAt: isoDateSchema.nullable(),
  revokedAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** 201 answer: the record and, this once, the key (`clv_` + 64 hex). */
export const createApiKeyResponseSchema = z.object({ key: apiKeySchema, apiKey: z.string().regex(/^clv_[0-9a-f]{64}$/) });
export const apiKeysResponseSchema = z.object({ keys: z.array(apiKeySchema) });
export const apiKeyResponseSchema = z.object({ key: apiKeySchema });
