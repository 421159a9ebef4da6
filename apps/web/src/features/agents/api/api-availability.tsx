import { createContext, useContext, type ReactNode } from 'react';

const ApiAvailableContext = createContext(true);

/**
 * Whether the pickers may call the API. The app always may; a page without the app's query client (the editor's
 * browser preview, served without a server) renders the settings with the lists left unloaded.
 */
export function ApiAvailability({ isAvailable, children }: { isAvailable: boolean; children: ReactNode }) {
  return <ApiAvailableContext.Provider value={isAvailable}>{children}</ApiAvailableContext.Provider>;
}

export function useIsApiAvailable(): boolean {
  return useContext(ApiAvailableContext);
}
