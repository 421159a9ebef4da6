import { selectToolsResponseSchema, type SelectToolsBody, type SelectToolsResponse } from '@claraverse/shared';
import { apiClient } from '../../../lib/api-client';
import { agentBuilderPath } from './builder-paths';

/** POST /api/agents/:id/select-tools: the generator's step 1, the tools the workflow will use and why. */
export async function selectTools(agentId: string, body: SelectToolsBody): Promise<SelectToolsResponse> {
  return apiClient.request(agentBuilderPath(agentId, 'select-tools'), { method: 'POST', body, schema: selectToolsResponseSchema });
}
