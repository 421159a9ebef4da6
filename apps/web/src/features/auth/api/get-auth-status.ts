import { authStatusResponseSchema, type AuthStatusResponse } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/auth/status: whether the instance has users yet, how people may register, its name. */
export function getAuthStatus(): Promise<AuthStatusResponse> {
  return apiClient.request('/api/auth/status', { schema: authStatusResponseSchema, isAnonymous: true });
}

export const authStatusQueryOptions = queryOptions({
  queryKey: queryKeys.authStatus,
  queryFn: getAuthStatus,
  staleTime: 60_000,
});

export function useAuthStatus() {
  return useQuery(authStatusQueryOptions);
}
