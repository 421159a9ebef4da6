import { deleteAccountResponseSchema, type DeleteAccountBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useSessionStore } from '../../../stores/session-store';

/** DELETE /api/user/account `{ confirmation: "delete my account", password }` → 200. */
export async function deleteAccount(body: DeleteAccountBody): Promise<void> {
  await apiClient.request('/api/user/account', { method: 'DELETE', body, schema: deleteAccountResponseSchema });
}

/** Deletes the account, then forgets the session and every cached query. */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  const clear = useSessionStore((state) => state.clear);
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => {
      clear();
      queryClient.clear();
    },
  });
}
