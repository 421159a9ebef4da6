import { useEffect } from 'react';
import { useUiPreferencesStore } from '../../../stores/ui-preferences-store';
import { usePreferences } from '../api/get-preferences';

/**
 * Once signed in, applies the theme and font size saved on the server, so that they follow the user from one
 * browser to the next.
 */
export function useSyncUiPreferences(): void {
  const { data } = usePreferences();
  useEffect(() => {
    if (!data) return;
    const { setTheme, setFontSize } = useUiPreferencesStore.getState();
    setTheme(data.theme);
    setFontSize(data.fontSize);
  }, [data]);
}
