import { userResponseSchema, type User } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/auth/me → `{ user }`. */
export async function getProfile(): Promise<User> {
  const response = await apiClient.request('/api/auth/me', { schema: userResponseSchema });
  return response.user;
}

export const profileQueryOptions = queryOptions({ queryKey: queryKeys.currentUser, queryFn: getProfile });

export function useProfile() {
  return useQuery(profileQueryOptions);
}
