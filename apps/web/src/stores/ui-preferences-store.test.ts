import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readStoredUiPreferences, uiPreferencesStorageKey, useUiPreferencesStore } from './ui-preferences-store';

function stubSystemColorScheme(isDark: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(prefers-color-scheme: dark)' && isDark,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

const html = () => document.documentElement;

describe('useUiPreferencesStore', () => {
  beforeEach(() => {
    stubSystemColorScheme(false);
    useUiPreferencesStore.setState({ theme: 'system', fontSize: 'medium' });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('adds the dark class to <html> for the dark theme and removes it for the light theme', () => {
    useUiPreferencesStore.getState().setTheme('dark');
    expect(html().classList.contains('dark')).toBe(true);

    useUiPreferencesStore.getState().setTheme('light');
    expect(html().classList.contains('dark')).toBe(false);
  });

  it('follows the operating system for the system theme', () => {
    stubSystemColorScheme(true);
    useUiPreferencesStore.getState().setTheme('system');
    expect(html().classList.contains('dark')).toBe(true);

    stubSystemColorScheme(false);
    useUiPreferencesStore.getState().setTheme('light');
    useUiPreferencesStore.getState().setTheme('system');
    expect(html().classList.contains('dark')).toBe(false);
  });

  it('persists the theme and font size in localStorage and reads them back', () => {
    useUiPreferencesStore.getState().setTheme('dark');
    useUiPreferencesStore.getState().setFontSize('large');

    expect(JSON.parse(localStorage.getItem(uiPreferencesStorageKey) ?? 'null')).toEqual({
      theme: 'dark',
      fontSize: 'large',
    });
    expect(readStoredUiPreferences()).toEqual({ theme: 'dark', fontSize: 'large' });
    expect(html().dataset.fontSize).toBe('large');
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(uiPreferencesStorageKey, JSON.stringify({ theme: 'sepia', fontSize: 'huge' }));
    expect(readStoredUiPreferences()).toEqual({ theme: 'system', fontSize: 'medium' });
  });
});
