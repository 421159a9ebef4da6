import { availableToolsResponseSchema } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialsQueryKeys } from './credentials-paths';

/**
 * GET /api/tools/available → the names of the tools the user's chats are offered now, by integration id
 * (`slack` → `['send_slack_message']`). Tools that need no credential are left out: this page is about the
 * integrations.
 */
export async function listReadyToolsByIntegration(): Promise<Record<string, string[]>> {
  const response = await apiClient.request('/api/tools/available', { schema: availableToolsResponseSchema });
  const byIntegration: Record<string, string[]> = {};
  for (const tool of response.categories.flatMap((category) => category.tools)) {
    if (tool.integration) (byIntegration[tool.integration] ??= []).push(tool.name);
  }
  return byIntegration;
}

export const readyToolsQueryOptions = () => queryOptions({ queryKey: credentialsQueryKeys.availableTools, queryFn: listReadyToolsByIntegration });

export function useReadyTools() {
  return useQuery(readyToolsQueryOptions());
}
