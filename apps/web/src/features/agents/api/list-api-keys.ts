import { apiKeysResponseSchema, type ApiKey } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { apiKeysPath } from './agents-paths';

/** GET /api/keys → the user's API keys (records only, never the keys themselves). */
export async function listApiKeys(): Promise<ApiKey[]> {
  return (await apiClient.request(apiKeysPath, { schema: apiKeysResponseSchema })).keys;
}

export const apiKeysQueryOptions = () => queryOptions({ queryKey: queryKeys.apiKeys, queryFn: listApiKeys });

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}

/** Whether a key may trigger `agentId`: scope `execute:*` or `execute:<agentId>`. */
export function canExecuteAgent(key: Pick<ApiKey, 'scopes'>, agentId: string): boolean {
  return key.scopes.includes('execute:*') || key.scopes.includes(`execute:${agentId}`);
}
