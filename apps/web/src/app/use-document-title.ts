import { useEffect } from 'react';
import { useAuthStatus } from '../features/auth/api/get-auth-status';

/** Sets the tab title to "<page> · <instance name>". */
export function useDocumentTitle(pageTitle: string | null): void {
  const instanceName = useAuthStatus().data?.instanceName ?? 'ClaraVerse';
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${instanceName}` : instanceName;
  }, [pageTitle, instanceName]);
}
