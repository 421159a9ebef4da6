import { apiKeyResponseSchema, apiKeysResponseSchema, createApiKeyResponseSchema, type ApiKey, type CreateApiKeyBody } from '@claraverse/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiKeysPath } from './agents-paths';

/** GET /api/keys → the user's API keys (records only, never the keys). */
export function useApiKeys() {
  return useQuery({ queryKey: queryKeys.apiKeys, queryFn: async () => (await apiClient.request(apiKeysPath, { schema: apiKeysResponseSchema })).keys });
}

/** Whether a key may trigger `agentId`: scope `execute:*` or `execute:<agentId>`. */
export function canExecuteAgent(key: Pick<ApiKey, 'scopes'>, agentId: string): boolean {
  return key.scopes.includes('execute:*') || key.scopes.includes(`execute:${agentId}`);
}

/** POST /api/keys (201) → the record and, this once, the key itself. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => apiClient.request(apiKeysPath, { method: 'POST', body, schema: createApiKeyResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

/** POST /api/keys/:id/revoke → the key stops working at once. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (keyId: string) => (await apiClient.request(`${apiKeysPath}/${encodeURIComponent(keyId)}/revoke`, { method: 'POST', schema: apiKeyResponseSchema })).key,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}
