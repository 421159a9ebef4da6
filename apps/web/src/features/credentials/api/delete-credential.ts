import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialPath, credentialsQueryKeys } from './credentials-paths';

/** DELETE /api/credentials/:id (204); its integration's tools leave the chats if it was the last one. */
export async function deleteCredential(credentialId: string): Promise<void> {
  await apiClient.request(credentialPath(credentialId), { method: 'DELETE' });
}

export function useDeleteCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCredential,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.credentials }),
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.availableTools }),
      ]);
    },
  });
}
