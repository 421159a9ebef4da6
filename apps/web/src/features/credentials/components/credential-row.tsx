import type { Credential, Integration } from '@claraverse/shared';
import { FlaskConical, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useTestCredential } from '../api/test-credential';
import { describeCredentialError } from '../lib/describe-credential-error';
import { formatTimeAgo } from '../lib/format-time-ago';
import { IntegrationIcon } from '../lib/integration-icons';
import { CredentialTestResult } from './credential-test-result';
import { DeleteCredentialDialog } from './delete-credential-dialog';

interface CredentialRowProps {
  credential: Credential;
  /** Undefined when the catalogue does not know (or no longer has) its integration. */
  integration: Integration | undefined;
  onEdit: () => void;
}

function describeUsage(credential: Credential): string {
  if (credential.usageCount === 0) return 'Not used yet';
  const times = credential.usageCount === 1 ? 'Used once' : `Used ${credential.usageCount} times`;
  return credential.lastUsedAt ? `${times} · last used ${formatTimeAgo(credential.lastUsedAt)}` : times;
}

/**
 * One of the user's credentials: name, service, masked preview, usage, the last test's result, and Test, Edit
 * and Delete. A test in progress shows a spinner on its button; its result replaces the stored one.
 */
export function CredentialRow({ credential, integration, onEdit }: CredentialRowProps) {
  const testMutation = useTestCredential();
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const integrationName = integration?.name ?? credential.integrationType;
  const fresh = testMutation.data;
  const shownTest = fresh
    ? { isSuccess: fresh.success, message: fresh.message, testedAt: fresh.testedAt }
    : credential.testStatus && credential.testMessage
      ? { isSuccess: credential.testStatus === 'success', message: credential.testMessage, testedAt: credential.lastTestAt }
      : null;
  return (
    <li data-testid="credential-row" aria-labelledby={`credential-${credential.id}-name`} className="flex flex-col gap-3 px-5 py-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 gap-3">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300">
            <IntegrationIcon name={integration?.icon ?? 'Plug'} className="size-4.5" />
          </span>
          <div className="min-w-0">
            <p id={`credential-${credential.id}-name`} className="font-medium break-words text-zinc-900 dark:text-zinc-50">
              {credential.name}
            </p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">{integrationName}</p>
            <p className="mt-1 truncate font-mono text-xs text-zinc-700 dark:text-zinc-300" title="Masked: the stored value is never shown">
              {credential.maskedPreview}
            </p>
            <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{describeUsage(credential)}</p>
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          {integration?.testable !== false ? (
            <Button
              size="small"
              variant="secondary"
              aria-label={`Test ${credential.name}`}
              isLoading={testMutation.isPending}
              icon={<FlaskConical aria-hidden="true" className="size-3.5" />}
              onClick={() => testMutation.mutate(credential.id)}
            >
              Test
            </Button>
          ) : null}
          <Button size="small" variant="ghost" aria-label={`Edit ${credential.name}`} disabled={!integration} icon={<Pencil aria-hidden="true" className="size-3.5" />} onClick={onEdit}>
            Edit
          </Button>
          <Button size="small" variant="ghost" aria-label={`Delete ${credential.name}`} icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => setIsConfirmingDelete(true)}>
            Delete
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {testMutation.isError ? (
          <CredentialTestResult isSuccess={false} message={describeCredentialError(testMutation.error)} testedAt={null} />
        ) : shownTest ? (
          <CredentialTestResult {...shownTest} />
        ) : null}
      </div>
      {isConfirmingDelete ? <DeleteCredentialDialog credential={credential} integrationName={integrationName} onClose={() => setIsConfirmingDelete(false)} /> : null}
    </li>
  );
}
