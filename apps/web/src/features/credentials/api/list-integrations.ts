import { integrationsResponseSchema, type IntegrationCategoryGroup } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialsQueryKeys } from './credentials-paths';

/**
 * GET /api/integrations → every category in the order the page shows them (empty ones included), each with its
 * integrations: fields, tools, docs link and whether this instance can use it.
 */
export async function listIntegrations(): Promise<IntegrationCategoryGroup[]> {
  const response = await apiClient.request('/api/integrations', { schema: integrationsResponseSchema });
  return response.categories;
}

export const integrationsQueryOptions = () =>
  queryOptions({
    queryKey: credentialsQueryKeys.integrations,
    queryFn: listIntegrations,
    // The catalogue is the server's code: it changes with a deployment, not while the page is open.
    staleTime: 5 * 60_000,
  });

export function useIntegrations() {
  return useQuery(integrationsQueryOptions());
}
