import { providersResponseSchema, type Provider } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { providersPath, type ProviderScope } from './provider-scope';

/** GET /api/admin/providers or /api/user/providers → `{ providers }` (never an API key, only `hasApiKey`). */
export async function listProviders(scope: ProviderScope): Promise<Provider[]> {
  const response = await apiClient.request(providersPath(scope), { schema: providersResponseSchema });
  return response.providers;
}

export const providersQueryOptions = (scope: ProviderScope) =>
  queryOptions({ queryKey: queryKeys.providers(scope), queryFn: () => listProviders(scope) });

export function useProviders(scope: ProviderScope) {
  return useQuery(providersQueryOptions(scope));
}
