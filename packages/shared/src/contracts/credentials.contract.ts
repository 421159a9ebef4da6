import { z } from 'zod';
import { isoDateSchema, shortTextSchema } from './common.contract.js';
import { integrationIdSchema } from './integrations.contract.js';

/**
 * A user's credentials for integrations (`/api/credentials`, reference §1.6 and §7.6). Values go in, are
 * checked against the integration's fields and stored encrypted; they never come back out — the API shows a
 * masked preview, the usage and the last test's result.
 */

/**
 * A credential's values by field key (`{ "webhook_url": "https://hooks.slack.com/…" }`); always strings (`json`
 * fields hold JSON text). Which keys are allowed and required is decided by the integration's fields.
 */
export const credentialDataSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'Field keys are snake_case' }), z.string().max(65_536))
  .refine((data) => Object.keys(data).length <= 50, { message: 'At most 50 fields' });
export type CredentialData = z.infer<typeof credentialDataSchema>;

export const createCredentialBodySchema = z.strictObject({
  name: shortTextSchema(100),
  integrationType: integrationIdSchema,
  data: credentialDataSchema,
});
export type CreateCredentialBody = z.infer<typeof createCredentialBodySchema>;

/**
 * Partial update, merged with the stored values: a field left out keeps its value, a sensitive field sent
 * empty (`""`) keeps its value too (the form shows secrets empty), a non-sensitive field sent empty is cleared.
 */
export const updateCredentialBodySchema = z
  .strictObject({
    name: shortTextSchema(100).optional(),
    data: credentialDataSchema.optional(),
  })
  .refine((body) => body.name !== undefined || body.data !== undefined, { message: 'Give a name or data to change' });
export type UpdateCredentialBody = z.infer<typeof updateCredentialBodySchema>;

/** `GET /api/credentials?type=slack` and `GET /api/credentials/references?type=`: only that integration's. */
export const listCredentialsQuerySchema = z.strictObject({ type: integrationIdSchema.optional() });
export type ListCredentialsQuery = z.infer<typeof listCredentialsQuerySchema>;

/** The result of the last live test. */
export const credentialTestStatuses = ['success', 'failed'] as const;
export type CredentialTestStatus = (typeof credentialTestStatuses)[number];

/** A credential as the API shows it: never its values. */
export const credentialSchema = z.object({
  id: z.string(),
  name: z.string(),
  integrationType: z.string(),
  /**
   * Enough to recognise it, never enough to use it: webhook URLs first 20 + last 8 characters, keys first 6 +
   * last 4, JSON `[JSON data]`, short secrets fully masked.
   */
  maskedPreview: z.string(),
  /** The keys of the fields that hold a value (an edit form shows them as set). */
  configuredFields: z.array(z.string()),
  /** Tool calls that used it. */
  usageCount: z.number().int(),
  lastUsedAt: isoDateSchema.nullable(),
  lastTestAt: isoDateSchema.nullable(),
  testStatus: z.enum(credentialTestStatuses).nullable(),
  /** The last test's message (what was found, or what is wrong). */
  testMessage: z.string().nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Credential = z.infer<typeof credentialSchema>;

/** `POST /api/credentials` (201), `GET/PUT /api/credentials/:id`. */
export const credentialResponseSchema = z.object({ credential: credentialSchema });
export type CredentialResponse = z.infer<typeof credentialResponseSchema>;

/** `GET /api/credentials`: newest first. */
export const credentialsResponseSchema = z.object({ credentials: z.array(credentialSchema) });
export type CredentialsResponse = z.infer<typeof credentialsResponseSchema>;

/** `GET /api/credentials/by-integration`: integration id → its credentials (newest first); only ids with some. */
export const credentialsByIntegrationResponseSchema = z.object({
  byIntegration: z.record(z.string(), z.array(credentialSchema)),
});
export type CredentialsByIntegrationResponse = z.infer<typeof credentialsByIntegrationResponseSchema>;

/** A credential as a workflow block's picker lists it. */
export const credentialReferenceSchema = z.object({ id: z.string(), name: z.string(), integrationType: z.string() });
export type CredentialReference = z.infer<typeof credentialReferenceSchema>;

/** `GET /api/credentials/references`. */
export const credentialReferencesResponseSchema = z.object({ references: z.array(credentialReferenceSchema) });
export type CredentialReferencesResponse = z.infer<typeof credentialReferencesResponseSchema>;

/**
 * `POST /api/credentials/:id/test` (200 either way): `success: false` with the reason when the service refused
 * the credential or could not be reached. The result is also stored on the credential.
 */
export const credentialTestResponseSchema = z.object({
  success: z.boolean(),
  message: z.string(),
  /** What the service said (workspace, account, bot name); never the credential's values. */
  details: z.record(z.string(), z.unknown()).optional(),
  testedAt: isoDateSchema,
});
export type CredentialTestResponse = z.infer<typeof credentialTestResponseSchema>;
