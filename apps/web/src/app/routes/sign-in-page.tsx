import { Navigate, useLocation, useNavigate } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { Alert } from '../../components/ui/alert';
import { useAuthStatus } from '../../features/auth/api/get-auth-status';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useSessionStore } from '../../stores/session-store';
import { useDocumentTitle } from '../use-document-title';

/** Where to go after signing in: back to the page that sent the user here, else Chat. */
function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('//') ? state.from : '/chat';
  }
  return '/chat';
}

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const status = useAuthStatus().data;
  const isSignedIn = useSessionStore((state) => state.user !== null);
  const hasSessionExpired = useSessionStore((state) => state.endReason === 'expired');
  useDocumentTitle('Sign in');
  const target = redirectTarget(location.state);

  if (isSignedIn) return <Navigate to={target} replace />;
  return (
    <AuthLayout
      instanceName={status?.instanceName ?? 'ClaraVerse'}
      title="Sign in"
      description="Welcome back. Sign in to your workspace."
    >
      {hasSessionExpired ? (
        <Alert tone="info" className="mb-4">
          Your session has ended. Sign in again to continue where you left off.
        </Alert>
      ) : null}
      <SignInForm
        canRegister={status !== undefined && status.registrationMode !== 'closed'}
        onSignedIn={() => navigate(target, { replace: true })}
        onPending={() => navigate('/pending')}
      />
    </AuthLayout>
  );
}
