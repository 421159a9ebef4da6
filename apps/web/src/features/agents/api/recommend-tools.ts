import { recommendToolsResponseSchema, type RecommendToolsBody, type ToolRecommendation } from '@claraverse/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useIsApiAvailable } from './api-availability';
import { blockSettingsQueryKeys, recommendToolsPath } from './block-settings-paths';

/** POST /api/tools/recommend → the tools that fit a block's words, best first. */
export async function recommendTools(body: RecommendToolsBody): Promise<ToolRecommendation[]> {
  const response = await apiClient.request(recommendToolsPath, { method: 'POST', body, schema: recommendToolsResponseSchema });
  return response.recommendations;
}

/** Recommendations for a block's name, description and prompts (pass them debounced); none while it has no text. */
export function useToolRecommendations(body: RecommendToolsBody) {
  const text = [body.name, body.description, body.systemPrompt, body.userPrompt].join('\n');
  const isApiAvailable = useIsApiAvailable();
  return useQuery({
    queryKey: blockSettingsQueryKeys.recommendations(text),
    queryFn: () => recommendTools(body),
    enabled: isApiAvailable && text.trim() !== '',
    staleTime: 60_000,
    // The badges stay while the next words are scored.
    placeholderData: keepPreviousData,
  });
}
