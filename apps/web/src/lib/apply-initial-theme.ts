import { applyUiPreferences, readStoredUiPreferences } from '../stores/ui-preferences-store';

// Imported first by main.tsx so that the stored theme is on <html> before React renders anything: the CSP forbids
// inline scripts, so this bundled module is how a dark-theme user avoids a flash of the light theme.
applyUiPreferences(readStoredUiPreferences());
