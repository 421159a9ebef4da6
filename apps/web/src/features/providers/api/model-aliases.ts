import { modelAliasesResponseSchema, type ModelAlias } from '@claraverse/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { modelPath } from './provider-scope';

const aliasesKey = (modelId: string) => [...queryKeys.adminModels, modelId, 'aliases'] as const;

/** GET /api/admin/models/:id/aliases → `{ aliases }`. */
export async function listModelAliases(modelId: string): Promise<ModelAlias[]> {
  const response = await apiClient.request(`${modelPath(modelId)}/aliases`, { schema: modelAliasesResponseSchema });
  return response.aliases;
}

export const modelAliasesQueryOptions = (modelId: string) =>
  queryOptions({ queryKey: aliasesKey(modelId), queryFn: () => listModelAliases(modelId) });

export function useModelAliases(modelId: string) {
  return useQuery(modelAliasesQueryOptions(modelId));
}

/** POST /api/admin/models/:id/aliases `{ alias, displayName?, description? }`. */
export async function createModelAlias(modelId: string, body: { alias: string; displayName?: string }): Promise<void> {
  await apiClient.request(`${modelPath(modelId)}/aliases`, { method: 'POST', body });
}

/** DELETE /api/admin/models/:id/aliases/:alias. */
export async function deleteModelAlias(modelId: string, alias: string): Promise<void> {
  await apiClient.request(`${modelPath(modelId)}/aliases/${encodeURIComponent(alias)}`, { method: 'DELETE' });
}

export function useModelAliasMutations(modelId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: aliasesKey(modelId) });
  return {
    create: useMutation({ mutationFn: (body: { alias: string; displayName?: string }) => createModelAlias(modelId, body), onSuccess }),
    remove: useMutation({ mutationFn: (alias: string) => deleteModelAlias(modelId, alias), onSuccess }),
  };
}
