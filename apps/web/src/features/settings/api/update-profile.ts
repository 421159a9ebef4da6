import { userResponseSchema, type UpdateProfileBody, type User } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useSessionStore } from '../../../stores/session-store';

/** PATCH /api/user/profile `{ name }` → `{ user }`. */
export async function updateProfile(body: UpdateProfileBody): Promise<User> {
  const response = await apiClient.request('/api/user/profile', { method: 'PATCH', body, schema: userResponseSchema });
  return response.user;
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  const setUser = useSessionStore((state) => state.setUser);
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.currentUser, user);
      setUser(user);
    },
  });
}
