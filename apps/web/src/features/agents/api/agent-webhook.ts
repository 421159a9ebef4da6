import { createWebhookResponseSchema, webhookResponseSchema, type Webhook } from '@claraverse/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useAgentWebhook(agentId: string) {
  return useQuery({ queryKey: agentsQueryKeys.webhook(agentId), queryFn: () => getAgentWebhook(agentId) });
}

/** POST /api/agents/:id/webhook → a new hook (replacing the old one) and, this once, its signing secret. */
export function useCreateAgentWebhook(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signed: boolean) => apiClient.request(agentWebhookPath(agentId), { method: 'POST', body: { signed }, schema: createWebhookResponseSchema }),
    onSuccess: (response) => queryClient.setQueryData(agentsQueryKeys.webhook(agentId), response.webhook),
  });
}

/** DELETE /api/agents/:id/webhook (204): the hook's URL stops working. */
export function useDeleteAgentWebhook(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.request(agentWebhookPath(agentId), { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData(agentsQueryKeys.webhook(agentId), null),
  });
}
