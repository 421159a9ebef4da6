import { createWebhookResponseSchema } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { agentsQueryKeys, agentWebhookPath } from './agents-paths';

/** POST /api/agents/:id/webhook (201) → a new hook (replacing the old one) and, this once, its signing secret (null unsigned). */
export async function createAgentWebhook(agentId: string, signed: boolean): Promise<z.infer<typeof createWebhookResponseSchema>> {
  return apiClient.request(agentWebhookPath(agentId), { method: 'POST', body: { signed }, schema: createWebhookResponseSchema });
}

export function useCreateAgentWebhook(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signed: boolean) => createAgentWebhook(agentId, signed),
    onSuccess: (response) => queryClient.setQueryData(agentsQueryKeys.webhook(agentId), response.webhook),
  });
}
