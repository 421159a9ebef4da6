import { RefreshCw } from 'lucide-react';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { LoadingState } from '../components/ui/spinner';
import { useAuthStatus } from '../features/auth/api/get-auth-status';
import { describeError } from '../lib/error-messages';

/**
 * Asks the server about the instance before anything else: an instance without users sends everyone to the
 * first-run page, and the first-run page is closed once an administrator exists.
 */
export function RootLayout() {
  const statusQuery = useAuthStatus();
  const location = useLocation();

  if (statusQuery.isPending) {
    return (
      <div className="flex min-h-dvh items-center justify-center">
        <LoadingState label="Starting ClaraVerse…" />
      </div>
    );
  }
  if (statusQuery.isError) {
    return (
      <div className="flex min-h-dvh items-center justify-center px-4">
        <div className="flex w-full max-w-sm flex-col gap-4">
          <Alert tone="error" title="ClaraVerse could not start">
            {describeError(statusQuery.error)}
          </Alert>
          <Button
            variant="secondary"
            icon={<RefreshCw aria-hidden="true" className="size-4" />}
            isLoading={statusQuery.isFetching}
            onClick={() => void statusQuery.refetch()}
          >
            Try again
          </Button>
        </div>
      </div>
    );
  }

  const isSetupPage = location.pathname === '/setup';
  if (!statusQuery.data.hasUsers && !isSetupPage) return <Navigate to="/setup" replace />;
  if (statusQuery.data.hasUsers && isSetupPage) return <Navigate to="/signin" replace />;
  return (
    <Suspense
      fallback={
        <div className="flex min-h-dvh items-center justify-center">
          <LoadingState />
        </div>
      }
    >
      <Outlet />
    </Suspense>
  );
}
