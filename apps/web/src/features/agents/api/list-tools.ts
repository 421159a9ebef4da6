import { availableToolsResponseSchema, toolsResponseSchema, type ToolSummary } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useIsApiAvailable } from './api-availability';
import { blockSettingsQueryKeys, toolsPath, usableToolsPath } from './block-settings-paths';

/** GET /api/tools → every tool of the user, by category (the picker leaves out interactive ones). */
export async function listTools(): Promise<ToolSummary[]> {
  const response = await apiClient.request(toolsPath, { schema: toolsResponseSchema });
  return response.categories.flatMap((group) => group.tools);
}

/** GET /api/tools/available → the names of the tools usable now (an integration tool needs its credential). */
export async function listUsableToolNames(): Promise<string[]> {
  const response = await apiClient.request(usableToolsPath, { schema: availableToolsResponseSchema });
  return response.categories.flatMap((group) => group.tools.map((tool) => tool.name));
}

export const toolsQueryOptions = queryOptions({ queryKey: blockSettingsQueryKeys.tools, queryFn: listTools, staleTime: 60_000 });
export const usableToolNamesQueryOptions = queryOptions({ queryKey: blockSettingsQueryKeys.usableToolNames, queryFn: listUsableToolNames });

export function useTools() {
  return useQuery({ ...toolsQueryOptions, enabled: useIsApiAvailable() });
}

export function useUsableToolNames() {
  return useQuery({ ...usableToolNamesQueryOptions, enabled: useIsApiAvailable() });
}
