import { builderConversationResponseSchema, type BuilderConversation } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { builderConversationsPath, builderQueryKeys } from './builder-paths';

/** POST /api/agents/:id/conversations (201 `{ conversation }`): a new, empty builder conversation, now the current one. */
export async function startBuilderConversation(agentId: string): Promise<BuilderConversation> {
  const response = await apiClient.request(builderConversationsPath(agentId), { method: 'POST', schema: builderConversationResponseSchema });
  return response.conversation;
}

export function useStartBuilderConversation(agentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startBuilderConversation(agentId),
    onSuccess: (conversation) => {
      queryClient.setQueryData(builderQueryKeys.currentConversation(agentId), conversation);
    },
  });
}
