import { useNavigate } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { useAuthStatus } from '../../features/auth/api/get-auth-status';
import { RegistrationForm } from '../../features/auth/components/registration-form';
import { useDocumentTitle } from '../use-document-title';

/** First run: the instance has no users yet, so the first account becomes its administrator. */
export function SetupPage() {
  const navigate = useNavigate();
  const instanceName = useAuthStatus().data?.instanceName ?? 'ClaraVerse';
  useDocumentTitle('Set up');
  return (
    <AuthLayout
      instanceName={instanceName}
      title="Create the administrator account"
      description="Welcome! This first account manages the instance: who may join, and how it is set up."
    >
      <RegistrationForm
        mode="administrator"
        onSignedIn={() => navigate('/chat', { replace: true })}
        onPending={() => navigate('/pending', { replace: true })}
      />
    </AuthLayout>
  );
}
