import { createHmac } from 'node:crypto';
import { webhookSignatureHeader, webhookTimestampHeader } from '@claraverse/shared';
import type { Kysely } from 'kysely';
import type { Cipher } from '../../platform/crypto/cipher.js';
import type { Database } from '../../platform/database/tables.js';

/**
 * The headers of a call ClaraVerse signs (completion callback, `webhook` blocks): `X-Claraverse-Timestamp`
 * (Unix seconds) and `X-Claraverse-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
 */
export function signOutboundWebhook(secret: string, body: string, timestampMs: number): Record<string, string> {
  const timestamp = String(Math.floor(timestampMs / 1000));
  return {
    [webhookTimestampHeader]: timestamp,
    [webhookSignatureHeader]: `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  };
}

/** The signing secret of an agent's signed inbound webhook (unsealed), or null when it has none. */
export function createAgentWebhookSecrets(deps: { db: Kysely<Database>; cipher: Cipher }) {
  return async (userId: string, agentId: string): Promise<string | null> => {
    const hook = await deps.db.selectFrom('agent_webhooks').select(['id', 'sealed_secret']).where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst();
    return hook?.sealed_secret ? deps.cipher.decrypt(hook.sealed_secret, { userId, recordId: hook.id }) : null;
  };
}
export type AgentWebhookSecrets = ReturnType<typeof createAgentWebhookSecrets>;
