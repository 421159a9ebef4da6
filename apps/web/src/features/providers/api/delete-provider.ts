import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { providerPath, type ProviderScope } from './provider-scope';

/** DELETE …/providers/:id (its models go with it). */
export async function deleteProvider(scope: ProviderScope, providerId: string): Promise<void> {
  await apiClient.request(providerPath(scope, providerId), { method: 'DELETE' });
}

export function useDeleteProvider(scope: ProviderScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (providerId: string) => deleteProvider(scope, providerId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.providers(scope) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminModels });
    },
  });
}
