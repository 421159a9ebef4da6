import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useSessionStore } from '../../../stores/session-store';

/** POST /api/auth/logout with the refresh token (or `{}`, the cookie then identifies it): 204. */
export async function logout(): Promise<void> {
  const refreshToken = useSessionStore.getState().refreshToken;
  await apiClient.request('/api/auth/logout', { method: 'POST', body: refreshToken ? { refreshToken } : {} });
}

/** Signs out. The local session is cleared even when the server cannot be reached: signing out must never fail. */
export function useLogout() {
  const clear = useSessionStore((state) => state.clear);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      clear();
      queryClient.clear();
    },
  });
}
