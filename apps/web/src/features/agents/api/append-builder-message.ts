import { appendBuilderMessageResponseSchema, type AppendBuilderMessageBody, type BuilderConversationMessage } from '@claraverse/shared';
import { apiClient } from '../../../lib/api-client';
import { builderConversationMessagesPath } from './builder-paths';

/** POST /api/agents/:id/conversations/:conversationId/messages (201 `{ message }`): one message of the builder chat. */
export async function appendBuilderMessage(agentId: string, conversationId: string, body: AppendBuilderMessageBody): Promise<BuilderConversationMessage> {
  const response = await apiClient.request(builderConversationMessagesPath(agentId, conversationId), { method: 'POST', body, schema: appendBuilderMessageResponseSchema });
  return response.message;
}
