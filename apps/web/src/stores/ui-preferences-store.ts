import { create } from 'zustand';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
export const fontSizes = ['small', 'medium', 'large'] as const;
export type FontSize = (typeof fontSizes)[number];

/** localStorage key of the UI preferences (theme, font size). */
export const uiPreferencesStorageKey = 'claraverse.ui-preferences';

interface StoredUiPreferences {
  theme: Theme;
  fontSize: FontSize;
}

export interface UiPreferencesState extends StoredUiPreferences {
  setTheme: (theme: Theme) => void;
  setFontSize: (fontSize: FontSize) => void;
}

const defaults: StoredUiPreferences = { theme: 'system', fontSize: 'medium' };

/** Reads the stored preferences, ignoring anything malformed. */
export function readStoredUiPreferences(): StoredUiPreferences {
  try {
    const raw = globalThis.localStorage?.getItem(uiPreferencesStorageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const record = parsed as Record<string, unknown>;
    return {
      theme: themes.find((theme) => theme === record.theme) ?? defaults.theme,
      fontSize: fontSizes.find((fontSize) => fontSize === record.fontSize) ?? defaults.fontSize,
    };
  } catch {
    return defaults;
  }
}

function prefersDarkColorScheme(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** Whether a theme renders dark right now (`system` follows the operating system). */
export function isDarkTheme(theme: Theme): boolean {
  return theme === 'dark' || (theme === 'system' && prefersDarkColorScheme());
}

/** Applies preferences to `<html>`: the `dark` class drives Tailwind's dark variant. */
export function applyUiPreferences(preferences: StoredUiPreferences, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('dark', isDarkTheme(preferences.theme));
  root.dataset.fontSize = preferences.fontSize;
}

/** Theme and font size: persisted in localStorage and applied to the document as soon as they change. */
export const useUiPreferencesStore = create<UiPreferencesState>()((set) => ({
  ...readStoredUiPreferences(),
  setTheme: (theme) => set({ theme }),
  setFontSize: (fontSize) => set({ fontSize }),
}));

useUiPreferencesStore.subscribe((state) => {
  const stored: StoredUiPreferences = { theme: state.theme, fontSize: state.fontSize };
  try {
    globalThis.localStorage?.setItem(uiPreferencesStorageKey, JSON.stringify(stored));
  } catch {
    // Storage blocked: the preference still applies for this page view.
  }
  if (typeof document !== 'undefined') applyUiPreferences(stored);
});

/** Keeps a `system` theme in step with the operating system. Returns the unsubscribe function. */
export function followSystemColorScheme(): () => void {
  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  if (!query) return () => {};
  const handleChange = () => {
    const { theme, fontSize } = useUiPreferencesStore.getState();
    applyUiPreferences({ theme, fontSize });
  };
  query.addEventListener('change', handleChange);
  return () => query.removeEventListener('change', handleChange);
}
