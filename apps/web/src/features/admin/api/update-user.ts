import { adminUserResponseSchema, type AdminUser, type UpdateUserBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface UpdateUserVariables {
  userId: string;
  changes: UpdateUserBody;
}

/** PATCH /api/admin/users/:id `{ role?, status? }` → `{ user }`; 409 conflict for the last admin. */
export async function updateUser({ userId, changes }: UpdateUserVariables): Promise<AdminUser> {
  const response = await apiClient.request(`/api/admin/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body: changes,
    schema: adminUserResponseSchema,
  });
  return response.user;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers }),
  });
}
