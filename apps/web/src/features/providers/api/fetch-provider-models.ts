import { modelsAdminResponseSchema, type Model } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { providerPath, type ProviderScope } from './provider-scope';

/** POST …/providers/:id/fetch-models → `{ models }`: pulls the provider's list and applies its filters. */
export async function fetchProviderModels(scope: ProviderScope, providerId: string): Promise<Model[]> {
  const response = await apiClient.request(`${providerPath(scope, providerId)}/fetch-models`, {
    method: 'POST',
    schema: modelsAdminResponseSchema,
  });
  return response.models;
}

export function useFetchProviderModels(scope: ProviderScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) => fetchProviderModels(scope, providerId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.providers(scope) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminModels });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
    },
  });
}
