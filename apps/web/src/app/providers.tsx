import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Toaster } from '../components/ui/toast';
import { apiClient } from '../lib/api-client';
import { startProactiveRefresh } from '../lib/session-refresh-scheduler';
import { reloadSessionFromStorage, sessionStorageKey, useSessionStore } from '../stores/session-store';
import { followSystemColorScheme } from '../stores/ui-preferences-store';

/** App-wide wiring: server state, token refresh, theme following the OS, session shared between tabs. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => startProactiveRefresh(apiClient), []);
  useEffect(() => followSystemColorScheme(), []);

  useEffect(() => {
    const handleStorage = (event: StorageEvent) => {
      if (event.key === sessionStorageKey) reloadSessionFromStorage();
    };
    window.addEventListener('storage', handleStorage);
    return () => window.removeEventListener('storage', handleStorage);
  }, []);

  // Cached answers belong to one user: drop them whenever the signed-in user changes (sign out, expiry, switch).
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        if (state.user?.id !== previous.user?.id) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth-status' });
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
