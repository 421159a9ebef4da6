import { credentialsResponseSchema, type Credential } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { credentialsPath, credentialsQueryKeys } from './credentials-paths';

/** GET /api/credentials → the user's credentials, newest first, masked (never their values). */
export async function listCredentials(): Promise<Credential[]> {
  const response = await apiClient.request(credentialsPath, { schema: credentialsResponseSchema });
  return response.credentials;
}

export const credentialsQueryOptions = () =>
  queryOptions({
    queryKey: credentialsQueryKeys.credentials,
    queryFn: listCredentials,
    // Chats and workflows use credentials elsewhere (usage count, last used): ask again whenever the page opens.
    staleTime: 0,
  });

export function useCredentials() {
  return useQuery(credentialsQueryOptions());
}
