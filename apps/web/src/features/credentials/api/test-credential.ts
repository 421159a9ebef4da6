import { credentialTestResponseSchema, type CredentialTestResponse } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialPath, credentialsQueryKeys } from './credentials-paths';

/**
 * POST /api/credentials/:id/test → `{ success, message }` (200 either way): the service was asked whether the
 * credential works. The server stores the result on the credential too.
 */
export async function testCredential(credentialId: string): Promise<CredentialTestResponse> {
  return apiClient.request(`${credentialPath(credentialId)}/test`, { method: 'POST', schema: credentialTestResponseSchema });
}

/** One mutation per row, so that each row shows its own spinner and result. */
export function useTestCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: testCredential,
    onSettled: () => queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.credentials }),
  });
}
