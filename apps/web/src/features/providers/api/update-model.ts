import { modelResponseSchema, type Model, type UpdateModelBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { modelPath } from './provider-scope';

/** PATCH /api/admin/models/:id → `{ model }`. */
export async function updateModel({ modelId, changes }: { modelId: string; changes: UpdateModelBody }): Promise<Model> {
  const response = await apiClient.request(modelPath(modelId), { method: 'PATCH', body: changes, schema: modelResponseSchema });
  return response.model;
}

export function useUpdateModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateModel,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminModels });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
    },
  });
}
