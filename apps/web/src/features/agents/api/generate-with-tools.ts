import { generationResultSchema, type GenerateWithToolsBody, type GenerationResult } from '@claraverse/shared';
import { apiClient } from '../../../lib/api-client';
import { agentBuilderPath } from './builder-paths';

/**
 * POST /api/agents/:id/generate-with-tools: the generator's step 2 with the tools of step 1. The server saves the
 * result as a new version; a workflow it cannot make valid answers 422 `generation_failed` with
 * `details.problems` and nothing is saved.
 */
export async function generateWithTools(agentId: string, body: GenerateWithToolsBody): Promise<GenerationResult> {
  return apiClient.request(agentBuilderPath(agentId, 'generate-with-tools'), { method: 'POST', body, schema: generationResultSchema });
}
