import {
  userPreferencesResponseSchema,
  type UpdateUserPreferencesBody,
  type UserPreferences,
} from '@claraverse/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useUiPreferencesStore } from '../../../stores/ui-preferences-store';

/** PUT /api/user/preferences with only the fields to change → the full `{ preferences }`. */
export async function updatePreferences(body: UpdateUserPreferencesBody): Promise<UserPreferences> {
  const response = await apiClient.request('/api/user/preferences', {
    method: 'PUT',
    body,
    schema: userPreferencesResponseSchema,
  });
  return response.preferences;
}

/** Saves preferences; the theme and font size saved on the server also drive this browser's UI. */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (preferences) => {
      queryClient.setQueryData(queryKeys.preferences, preferences);
      const { setTheme, setFontSize } = useUiPreferencesStore.getState();
      setTheme(preferences.theme);
      setFontSize(preferences.fontSize);
    },
  });
}
