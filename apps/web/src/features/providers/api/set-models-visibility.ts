import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** PUT /api/admin/models/bulk/visibility `{ modelIds, isVisible }`. */
export async function setModelsVisibility(variables: { modelIds: string[]; isVisible: boolean }): Promise<void> {
  await apiClient.request('/api/admin/models/bulk/visibility', { method: 'PUT', body: variables });
}

export function useSetModelsVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setModelsVisibility,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminModels });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
    },
  });
}
