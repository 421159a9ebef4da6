import { builderConversationResponseSchema, type BuilderConversation } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { builderQueryKeys, currentBuilderConversationPath } from './builder-paths';

/** GET /api/agents/:id/conversations/current: the builder conversation the chat continues (made on first use). */
export async function getCurrentBuilderConversation(agentId: string): Promise<BuilderConversation> {
  const response = await apiClient.request(currentBuilderConversationPath(agentId), { schema: builderConversationResponseSchema });
  return response.conversation;
}

export const currentBuilderConversationQueryOptions = (agentId: string) =>
  queryOptions({
    queryKey: builderQueryKeys.currentConversation(agentId),
    queryFn: () => getCurrentBuilderConversation(agentId),
    // The chat appends to the cached copy itself; a background refetch has nothing new to say.
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCurrentBuilderConversation(agentId: string) {
  return useQuery(currentBuilderConversationQueryOptions(agentId));
}
