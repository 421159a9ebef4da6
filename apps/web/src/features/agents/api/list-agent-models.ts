import { userModelsResponseSchema, type UserModel } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useIsApiAvailable } from './api-availability';
import { modelsPath } from './block-settings-paths';

/** GET /api/models → the models the user may use, best first (a block without a model runs on the first). */
export async function listAgentModels(): Promise<UserModel[]> {
  const response = await apiClient.request(modelsPath, { schema: userModelsResponseSchema });
  return response.models;
}

export const agentModelsQueryOptions = queryOptions({ queryKey: queryKeys.userModels, queryFn: listAgentModels, staleTime: 60_000 });

export function useAgentModels() {
  return useQuery({ ...agentModelsQueryOptions, enabled: useIsApiAvailable() });
}
