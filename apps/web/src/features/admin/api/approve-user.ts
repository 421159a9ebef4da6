import { adminUserResponseSchema, type AdminUser } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** POST /api/admin/users/:id/approve → `{ user }` (now active). */
export async function approveUser(userId: string): Promise<AdminUser> {
  const response = await apiClient.request(`/api/admin/users/${encodeURIComponent(userId)}/approve`, {
    method: 'POST',
    schema: adminUserResponseSchema,
  });
  return response.user;
}

export function useApproveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers }),
  });
}
