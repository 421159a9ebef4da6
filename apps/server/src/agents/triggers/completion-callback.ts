import { createHmac } from 'node:crypto';
import { webhookSignatureHeader, type ExecutionRecord } from '@claraverse/shared';
import type { Kysely } from 'kysely';
import type { Cipher } from '../../platform/crypto/cipher.js';
import type { Database } from '../../platform/database/tables.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { OutboundHttp } from '../../platform/outbound-http/outbound-http.js';

/**
 * The completion callback (issue 6): when a top-level run of an agent whose settings name a `callbackUrl` ends,
 * `{ executionId, agentId, status, output, error, durationMs }` is POSTed there through the SSRF-guarded client,
 * signed like inbound webhooks (`X-Claraverse-Signature: sha256=<HMAC-SHA256 of the body>`) with the agent's
 * webhook secret when it has a signed webhook. One attempt; a failure is logged, never fails the run.
 */
export function createCompletionCallback(deps: { db: Kysely<Database>; cipher: Cipher; http: OutboundHttp; logger: Logger }) {
  return async (agent: { id: string; user_id: string; settings: string }, record: ExecutionRecord): Promise<void> => {
    const settings = JSON.parse(agent.settings) as { callbackUrl?: unknown };
    if (typeof settings.callbackUrl !== 'string' || settings.callbackUrl === '') return;
    const body = JSON.stringify({ executionId: record.id, agentId: record.agentId, status: record.status, output: record.output, error: record.error, durationMs: record.durationMs });
    try {
      const hook = await deps.db.selectFrom('agent_webhooks').select(['id', 'sealed_secret']).where('agent_id', '=', agent.id).executeTakeFirst();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (hook?.sealed_secret) {
        const secret = deps.cipher.decrypt(hook.sealed_secret, { userId: agent.user_id, recordId: hook.id });
        headers[webhookSignatureHeader] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      }
      await deps.http.request(settings.callbackUrl, { method: 'POST', headers, body, timeoutMs: 10_000, maxRedirects: 0 });
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error), agentId: agent.id, executionId: record.id }, 'completion callback failed');
    }
  };
}
