import { listUsersResponseSchema, type ListUsersQuery, type ListUsersResponse } from '@claraverse/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/admin/users?page=&pageSize=&search=&status= → `{ users, total }`. */
export function listUsers(query: ListUsersQuery): Promise<ListUsersResponse> {
  return apiClient.request('/api/admin/users', { query, schema: listUsersResponseSchema });
}

export const listUsersQueryOptions = (query: ListUsersQuery) =>
  queryOptions({
    queryKey: [...queryKeys.adminUsers, query],
    queryFn: () => listUsers(query),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useUsers(query: ListUsersQuery) {
  return useQuery(listUsersQueryOptions(query));
}
