import { apiKeyResponseSchema, type ApiKey } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiKeysPath } from './agents-paths';

/** POST /api/keys/:id/revoke → the key's record; the key stops working at once. */
export async function revokeApiKey(keyId: string): Promise<ApiKey> {
  return (await apiClient.request(`${apiKeysPath}/${encodeURIComponent(keyId)}/revoke`, { method: 'POST', schema: apiKeyResponseSchema })).key;
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: revokeApiKey, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }) });
}
