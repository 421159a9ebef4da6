import { modelsAdminResponseSchema, type Model } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/admin/models?providerId= → `{ models }` (hidden ones included). */
export async function listAdminModels(providerId: string | null): Promise<Model[]> {
  const response = await apiClient.request('/api/admin/models', {
    query: { providerId },
    schema: modelsAdminResponseSchema,
  });
  return response.models;
}

export const adminModelsQueryOptions = (providerId: string | null) =>
  queryOptions({ queryKey: [...queryKeys.adminModels, providerId], queryFn: () => listAdminModels(providerId) });

export function useAdminModels(providerId: string | null) {
  return useQuery(adminModelsQueryOptions(providerId));
}
