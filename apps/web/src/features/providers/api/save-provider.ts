import {
  providerResponseSchema,
  type CreateProviderBody,
  type Provider,
  type UpdateProviderBody,
} from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { providerPath, providersPath, type ProviderScope } from './provider-scope';

/** `providerId` null creates (the body is then a full CreateProviderBody), otherwise updates. */
export interface SaveProviderVariables {
  providerId: string | null;
  body: CreateProviderBody | UpdateProviderBody;
}

/** POST …/providers (201 `{ provider }`) for a new provider, PATCH …/providers/:id for an existing one. */
export async function saveProvider(scope: ProviderScope, variables: SaveProviderVariables): Promise<Provider> {
  const response = await apiClient.request(
    variables.providerId === null ? providersPath(scope) : providerPath(scope, variables.providerId),
    { method: variables.providerId === null ? 'POST' : 'PATCH', body: variables.body, schema: providerResponseSchema },
  );
  return response.provider;
}

export function useSaveProvider(scope: ProviderScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: SaveProviderVariables) => saveProvider(scope, variables),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.providers(scope) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.userModels });
    },
  });
}
