import { Link, Navigate, useNavigate } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { Alert } from '../../components/ui/alert';
import { useAuthStatus } from '../../features/auth/api/get-auth-status';
import { RegistrationForm } from '../../features/auth/components/registration-form';
import { useSessionStore } from '../../stores/session-store';
import { useDocumentTitle } from '../use-document-title';

const linkClasses = 'font-medium text-violet-700 hover:underline dark:text-violet-400';

export function RegisterPage() {
  const navigate = useNavigate();
  const status = useAuthStatus().data;
  const isSignedIn = useSessionStore((state) => state.user !== null);
  useDocumentTitle('Create an account');

  if (isSignedIn) return <Navigate to="/chat" replace />;
  const mode = status?.registrationMode;
  return (
    <AuthLayout
      instanceName={status?.instanceName ?? 'ClaraVerse'}
      title="Create an account"
      description={
        mode === 'approval'
          ? 'An administrator will approve your account before you can sign in.'
          : 'Join this workspace.'
      }
      footer={
        <>
          Already have an account?{' '}
          <Link to="/signin" className={linkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      {mode === 'closed' ? (
        <Alert tone="info" title="Registration is closed">
          This instance does not accept new accounts. Ask an administrator to create one for you.
        </Alert>
      ) : (
        <RegistrationForm
          mode="member"
          onSignedIn={() => navigate('/chat', { replace: true })}
          onPending={() => navigate('/pending', { replace: true })}
        />
      )}
    </AuthLayout>
  );
}
