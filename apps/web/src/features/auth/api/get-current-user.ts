import { userResponseSchema, type User } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useSessionStore } from '../../../stores/session-store';

/** GET /api/auth/me: the signed-in user as the server knows them now. */
export async function getCurrentUser(): Promise<User> {
  const response = await apiClient.request('/api/auth/me', { schema: userResponseSchema });
  return response.user;
}

export const currentUserQueryOptions = queryOptions({ queryKey: queryKeys.currentUser, queryFn: getCurrentUser });

/** Fetches the current user and copies it into the session store, so that a changed role or name shows at once. */
export function useCurrentUser() {
  const query = useQuery(currentUserQueryOptions);
  const setUser = useSessionStore((state) => state.setUser);
  useEffect(() => {
    if (query.data) setUser(query.data);
  }, [query.data, setUser]);
  return query;
}
