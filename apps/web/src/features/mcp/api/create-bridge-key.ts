import { createApiKeyResponseSchema } from '@claraverse/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/keys `{ name, scopes: ['mcp-bridge'] }` → the new key, shown this once (`clv_` + 64 hex). */
export async function createBridgeKey(name: string): Promise<string> {
  const response = await apiClient.request('/api/keys', {
    method: 'POST',
    body: { name, scopes: ['mcp-bridge'] },
    schema: createApiKeyResponseSchema,
  });
  return response.apiKey;
}

export function useCreateBridgeKey() {
  return useMutation({ mutationFn: createBridgeKey });
}
