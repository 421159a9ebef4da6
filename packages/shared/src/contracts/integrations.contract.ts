import { z } from 'zod';

/**
 * The integrations catalogue (`GET /api/integrations`, `GET /api/integrations/:id`): the services a user can
 * connect with a credential, their fields and their tools (reference §4.3). Read-only; defined on the server in
 * one file per integration.
 */

/** How a credential field is entered and shown: secrets (`api_key`, `token`, `webhook_url`) are masked inputs. */
export const integrationFieldTypes = ['api_key', 'webhook_url', 'token', 'text', 'select', 'json'] as const;
export type IntegrationFieldType = (typeof integrationFieldTypes)[number];

/** An integration's id and a credential's `integrationType`: snake_case (`slack`, `aws_s3`). */
export const integrationIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'Use the integration id, e.g. slack or aws_s3' });

export const integrationFieldSchema = z.object({
  /** snake_case key of the value in a credential's `data` (`webhook_url`). */
  key: z.string(),
  label: z.string(),
  type: z.enum(integrationFieldTypes),
  required: z.boolean(),
  placeholder: z.string().optional(),
  helpText: z.string().optional(),
  /** The allowed values of a `select`. */
  options: z.array(z.string()).optional(),
  default: z.string().optional(),
  /** A secret: masked in the form, never returned, kept when left empty on update. */
  sensitive: z.boolean(),
});
export type IntegrationField = z.infer<typeof integrationFieldSchema>;

export const integrationSchema = z.object({
  id: integrationIdSchema,
  name: z.string(),
  description: z.string(),
  /** A Lucide icon name. */
  icon: z.string(),
  /** One of the categories' ids (`communication`, `productivity`…). */
  category: z.string(),
  fields: z.array(integrationFieldSchema),
  /** The names of its tools (snake_case, as the model calls them). */
  tools: z.array(z.string()),
  /** Where the service documents how to get the credential. */
  docsUrl: z.string(),
  /** Listed but not usable yet. */
  comingSoon: z.boolean().optional(),
  /** False when the instance is not configured for it (Composio integrations without `COMPOSIO_API_KEY`). */
  available: z.boolean(),
  /** Why it is not available, a sentence for the person. */
  unavailableReason: z.string().optional(),
  /** `POST /api/credentials/:id/test` can check its credentials against the live service. */
  testable: z.boolean(),
});
export type Integration = z.infer<typeof integrationSchema>;

/** A category of the catalogue with its integrations, in the order the UI shows them. */
export const integrationCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** A Lucide icon name. */
  icon: z.string(),
  integrations: z.array(integrationSchema),
});
export type IntegrationCategoryGroup = z.infer<typeof integrationCategorySchema>;

/** `GET /api/integrations`: every category in order (empty ones included), each with its integrations. */
export const integrationsResponseSchema = z.object({ categories: z.array(integrationCategorySchema) });
export type IntegrationsResponse = z.infer<typeof integrationsResponseSchema>;

/** `GET /api/integrations/:id`. */
export const integrationResponseSchema = z.object({ integration: integrationSchema });
export type IntegrationResponse = z.infer<typeof integrationResponseSchema>;

/** Route parameter `:id` of `/api/integrations/:id`. */
export const integrationIdParamsSchema = z.strictObject({ id: integrationIdSchema });
