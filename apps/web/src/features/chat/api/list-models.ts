import { userModelsResponseSchema, type UserModel } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/models → `{ models }`: the visible models of the instance plus the user's own (BYOK) ones. */
export async function listModels(): Promise<UserModel[]> {
  const response = await apiClient.request('/api/models', { schema: userModelsResponseSchema });
  return response.models;
}

export const modelsQueryOptions = queryOptions({ queryKey: queryKeys.userModels, queryFn: listModels, staleTime: 60_000 });

export function useModels() {
  return useQuery(modelsQueryOptions);
}
