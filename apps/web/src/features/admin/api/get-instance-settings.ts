import { instanceSettingsResponseSchema, type InstanceSettings } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/admin/settings → `{ settings: { registrationMode, instanceName } }`. */
export async function getInstanceSettings(): Promise<InstanceSettings> {
  const response = await apiClient.request('/api/admin/settings', { schema: instanceSettingsResponseSchema });
  return response.settings;
}

export const instanceSettingsQueryOptions = queryOptions({
  queryKey: queryKeys.instanceSettings,
  queryFn: getInstanceSettings,
});

export function useInstanceSettings() {
  return useQuery(instanceSettingsQueryOptions);
}
