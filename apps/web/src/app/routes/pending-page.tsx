import { Hourglass } from 'lucide-react';
import { Link } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { useAuthStatus } from '../../features/auth/api/get-auth-status';
import { useDocumentTitle } from '../use-document-title';

/** Shown after registering on an approval-only instance, or when a pending account tries to sign in. */
export function PendingPage() {
  const instanceName = useAuthStatus().data?.instanceName ?? 'ClaraVerse';
  useDocumentTitle('Waiting for approval');
  return (
    <AuthLayout instanceName={instanceName} title="Almost there">
      <div className="flex flex-col items-center gap-4 text-center" data-testid="pending-notice">
        <span className="flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300">
          <Hourglass aria-hidden="true" className="size-6" />
        </span>
        <p className="text-base font-medium text-zinc-900 dark:text-zinc-100">
          Your account is waiting for an administrator's approval.
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You can sign in as soon as it is approved. There is no need to register again.
        </p>
        <Link
          to="/signin"
          className="mt-2 inline-flex h-10 items-center justify-center rounded-lg border border-zinc-300 px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          Back to sign in
        </Link>
      </div>
    </AuthLayout>
  );
}
