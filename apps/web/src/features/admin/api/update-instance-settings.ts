import {
  instanceSettingsResponseSchema,
  type InstanceSettings,
  type UpdateInstanceSettingsBody,
} from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** PUT /api/admin/settings with the settings to change → the full `{ settings }`. */
export async function updateInstanceSettings(body: UpdateInstanceSettingsBody): Promise<InstanceSettings> {
  const response = await apiClient.request('/api/admin/settings', {
    method: 'PUT',
    body,
    schema: instanceSettingsResponseSchema,
  });
  return response.settings;
}

/** Saves the settings; the public status (instance name, registration mode) is refetched. */
export function useUpdateInstanceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInstanceSettings,
    onSuccess: async (settings) => {
      queryClient.setQueryData(queryKeys.instanceSettings, settings);
      await queryClient.invalidateQueries({ queryKey: queryKeys.authStatus });
    },
  });
}
