import { createApiKeyResponseSchema, type CreateApiKeyBody } from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiKeysPath } from './agents-paths';

/** POST /api/keys (201) → the record and, this once, the key itself. @throws ApiError conflict (too many active keys) */
export async function createApiKey(body: CreateApiKeyBody): Promise<z.infer<typeof createApiKeyResponseSchema>> {
  return apiClient.request(apiKeysPath, { method: 'POST', body, schema: createApiKeyResponseSchema });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiKey, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }) });
}
