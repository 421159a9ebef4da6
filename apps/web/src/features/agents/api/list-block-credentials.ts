import { credentialsResponseSchema, type Credential } from '@claraverse/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useIsApiAvailable } from './api-availability';
import { blockSettingsQueryKeys, credentialsPath } from './block-settings-paths';

/** GET /api/credentials → the user's credentials (masked), newest first, for the blocks' credential pickers. */
export async function listBlockCredentials(): Promise<Credential[]> {
  const response = await apiClient.request(credentialsPath, { schema: credentialsResponseSchema });
  return response.credentials;
}

export const blockCredentialsQueryOptions = queryOptions({ queryKey: blockSettingsQueryKeys.credentials, queryFn: listBlockCredentials, staleTime: 0 });

export function useBlockCredentials() {
  return useQuery({ ...blockCredentialsQueryOptions, enabled: useIsApiAvailable() });
}
