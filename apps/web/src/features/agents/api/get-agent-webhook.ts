import { webhookResponseSchema, type Webhook } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, agentWebhookPath } from './agents-paths';

/** GET /api/agents/:id/webhook → the agent's inbound webhook, or null when it has none (the server's 404). */
export async function getAgentWebhook(agentId: string): Promise<Webhook | null> {
  try {
    return (await apiClient.request(agentWebhookPath(agentId), { schema: webhookResponseSchema })).webhook;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

export const agentWebhookQueryOptions = (agentId: string) => queryOptions({ queryKey: agentsQueryKeys.webhook(agentId), queryFn: () => getAgentWebhook(agentId) });

export function useAgentWebhook(agentId: string) {
  return useQuery(agentWebhookQueryOptions(agentId));
}
