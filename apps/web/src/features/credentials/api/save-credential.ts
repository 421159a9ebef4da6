import { credentialResponseSchema, type CreateCredentialBody, type Credential, type UpdateCredentialBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialPath, credentialsPath, credentialsQueryKeys } from './credentials-paths';

/** `credentialId` null creates (the body is then a full CreateCredentialBody), otherwise updates. */
export interface SaveCredentialVariables {
  credentialId: string | null;
  body: CreateCredentialBody | UpdateCredentialBody;
}

/**
 * POST /api/credentials (201) or PUT /api/credentials/:id (200), both `{ credential }` masked. The server checks
 * the values against the integration's fields (`validation_failed` with `data.<key>` paths) and, on update,
 * keeps a secret sent empty.
 */
export async function saveCredential(variables: SaveCredentialVariables): Promise<Credential> {
  const { credentialId } = variables;
  const response = await apiClient.request(credentialId === null ? credentialsPath : credentialPath(credentialId), {
    method: credentialId === null ? 'POST' : 'PUT',
    body: variables.body,
    schema: credentialResponseSchema,
  });
  return response.credential;
}

export function useSaveCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCredential,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.credentials }),
        queryClient.invalidateQueries({ queryKey: credentialsQueryKeys.availableTools }),
      ]);
    },
  });
}
