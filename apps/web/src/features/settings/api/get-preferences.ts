import { userPreferencesResponseSchema, type UserPreferences } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/user/preferences → `{ preferences }`. */
export async function getPreferences(): Promise<UserPreferences> {
  const response = await apiClient.request('/api/user/preferences', { schema: userPreferencesResponseSchema });
  return response.preferences;
}

export const preferencesQueryOptions = queryOptions({ queryKey: queryKeys.preferences, queryFn: getPreferences });

export function usePreferences() {
  return useQuery(preferencesQueryOptions);
}
