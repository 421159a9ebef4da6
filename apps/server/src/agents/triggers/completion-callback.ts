import type { ExecutionRecord } from '@claraverse/shared';
import type { Logger } from '../../platform/logging/logger.js';
import type { OutboundHttp } from '../../platform/outbound-http/outbound-http.js';
import { signOutboundWebhook, type AgentWebhookSecrets } from './webhook-signature.js';

/**
 * The completion callback (issue 6): when a top-level run of an agent whose settings name a `callbackUrl` ends,
 * `{ executionId, agentId, status, output, error, durationMs }` is POSTed there through the SSRF-guarded client,
 * signed (`webhook-signature.ts`: `X-Claraverse-Timestamp` and `X-Claraverse-Signature: sha256=<HMAC-SHA256 of
 * "<timestamp>.<body>">`) with the agent's webhook secret when it has a signed webhook. One attempt; a failure is
 * logged, never fails the run.
 */
export function createCompletionCallback(deps: { agentWebhookSecret: AgentWebhookSecrets; http: OutboundHttp; logger: Logger; now: () => Date }) {
  return async (agent: { id: string; user_id: string; settings: string }, record: ExecutionRecord): Promise<void> => {
    const settings = JSON.parse(agent.settings) as { callbackUrl?: unknown };
    if (typeof settings.callbackUrl !== 'string' || settings.callbackUrl === '') return;
    const body = JSON.stringify({ executionId: record.id, agentId: record.agentId, status: record.status, output: record.output, error: record.error, durationMs: record.durationMs });
    try {
      const secret = await deps.agentWebhookSecret(agent.user_id, agent.id);
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(secret ? signOutboundWebhook(secret, body, deps.now().getTime()) : {}) };
      await deps.http.request(settings.callbackUrl, { method: 'POST', headers, body, timeoutMs: 10_000, maxRedirects: 0 });
    } catch (error) {
      deps.logger.warn({ err: error instanceof Error ? error.message : String(error), agentId: agent.id, executionId: record.id }, 'completion callback failed');
    }
  };
}
