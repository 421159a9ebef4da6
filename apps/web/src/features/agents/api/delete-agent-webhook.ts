import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, agentWebhookPath } from './agents-paths';

/** DELETE /api/agents/:id/webhook (204): the hook's URL stops working. */
export async function deleteAgentWebhook(agentId: string): Promise<void> {
  await apiClient.request(agentWebhookPath(agentId), { method: 'DELETE' });
}

export function useDeleteAgentWebhook(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteAgentWebhook(agentId),
    onSuccess: () => queryClient.setQueryData(agentsQueryKeys.webhook(agentId), null),
  });
}
