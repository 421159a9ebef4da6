import { CircleCheck, CircleX } from 'lucide-react';
import { classNames } from '../../../lib/class-names';
import { formatTimeAgo } from '../lib/format-time-ago';

interface CredentialTestResultProps {
  isSuccess: boolean;
  message: string;
  testedAt: string | null;
}

/** The outcome of a credential's live test: what the service said, green when it worked, red when not. */
export function CredentialTestResult({ isSuccess, message, testedAt }: CredentialTestResultProps) {
  const Icon = isSuccess ? CircleCheck : CircleX;
  return (
    <p
      data-testid="credential-test-result"
      data-status={isSuccess ? 'success' : 'failed'}
      className={classNames(
        'flex items-start gap-1.5 rounded-md px-2 py-1.5 text-xs break-words',
        isSuccess
          ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200'
          : 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
      )}
    >
      <Icon aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span className="min-w-0">
        <span className="font-semibold">{isSuccess ? 'Test passed' : 'Test failed'}</span>
        {testedAt ? <span className="opacity-80"> · {formatTimeAgo(testedAt)}</span> : null}
        {': '}
        {message}
      </span>
    </p>
  );
}
