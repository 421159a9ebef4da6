import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { modelPath } from './provider-scope';

/** DELETE /api/admin/models/:id (a later fetch brings it back unless a filter excludes it). */
export async function deleteModel(modelId: string): Promise<void> {
  await apiClient.request(modelPath(modelId), { method: 'DELETE' });
}

export function useDeleteModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteModel,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminModels });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
    },
  });
}
