import { askAgentResponseSchema, type AskAgentBody } from '@claraverse/shared';
import { apiClient } from '../../../lib/api-client';
import { agentBuilderPath } from './builder-paths';

/** POST /api/agents/:id/ask: a question about the agent, answered in plain text; nothing changes. */
export async function askAgent(agentId: string, body: AskAgentBody): Promise<string> {
  const response = await apiClient.request(agentBuilderPath(agentId, 'ask'), { method: 'POST', body, schema: askAgentResponseSchema });
  return response.answer;
}
