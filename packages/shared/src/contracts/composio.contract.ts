import { z } from 'zod';
import { credentialSchema } from './credentials.contract.js';

/**
 * Connecting Gmail and Google Sheets through Composio's hosted OAuth (reference §1.6):
 * `GET /api/integrations/composio/{gmail,googlesheets}/authorize` → the link to send the browser to;
 * Composio returns to `GET /api/integrations/composio/callback?state=…`, which redirects to the settings page;
 * the page then calls `POST /api/integrations/composio/complete-setup` to store the credential.
 */
export const composioIntegrationIds = ['composio_gmail', 'composio_googlesheets'] as const;
export const composioIntegrationIdSchema = z.enum(composioIntegrationIds);
export type ComposioIntegrationId = z.infer<typeof composioIntegrationIdSchema>;

/** 200 answer of authorize: Composio's hosted connection page for this user. */
export const composioAuthorizeResponseSchema = z.object({ redirectUrl: z.url() });
export type ComposioAuthorizeResponse = z.infer<typeof composioAuthorizeResponseSchema>;

/**
 * What Composio appends to the callback URL beside our `state`: `status` and `connected_account_id` (v3), or
 * `connectionStatus` and `connectedAccountId` (older links). Other parameters are ignored.
 */
export const composioCallbackQuerySchema = z.object({
  state: z.string().min(1).max(2_000),
  status: z.string().max(50).optional(),
  connectionStatus: z.string().max(50).optional(),
  connected_account_id: z.string().max(200).optional(),
  connectedAccountId: z.string().max(200).optional(),
});

export const composioConnectedAccountQuerySchema = z.strictObject({ integration: composioIntegrationIdSchema });

/** Whether the user has a usable connection of that service at Composio. */
export const composioConnectedAccountResponseSchema = z.object({
  integration: composioIntegrationIdSchema,
  connected: z.boolean(),
  /** Composio's status of the newest connection (`ACTIVE`, `INITIATED`, `EXPIRED`…), null when there is none. */
  status: z.string().nullable(),
  connectedAccountId: z.string().nullable(),
});
export type ComposioConnectedAccountResponse = z.infer<typeof composioConnectedAccountResponseSchema>;

export const composioCompleteSetupBodySchema = z.strictObject({
  integration: composioIntegrationIdSchema,
  /** The credential's name; default "Gmail" / "Google Sheets". */
  name: z.string().trim().min(1).max(100).optional(),
});
export type ComposioCompleteSetupBody = z.infer<typeof composioCompleteSetupBodySchema>;

/** 201 answer: the credential created (masked, as the credentials API shows it). */
export const composioCompleteSetupResponseSchema = z.object({ credential: credentialSchema });
