import type { Credential, Integration } from '@claraverse/shared';
import { RotateCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { useReadyTools } from '../api/list-available-tools';
import { useCredentials } from '../api/list-credentials';
import { useIntegrations } from '../api/list-integrations';
import { describeCredentialError } from '../lib/describe-credential-error';
import { CredentialFormDialog } from './credential-form-dialog';
import { CredentialsList } from './credentials-list';
import { IntegrationCatalogue } from './integration-catalogue';
import { useComposioReturn } from './use-composio-return';

/** What the add/edit dialog is open for, if anything. */
type Editing = { integration: Integration; credential: Credential | null } | null;

/**
 * The credentials page's content: the user's credentials (test, edit, delete), the catalogue of services to add
 * one for (with Composio's connect buttons), and the dialog that adds or edits one.
 */
export function CredentialsPanel() {
  const integrationsQuery = useIntegrations();
  const credentialsQuery = useCredentials();
  const readyToolsQuery = useReadyTools();
  const composioNotice = useComposioReturn();
  const [editing, setEditing] = useState<Editing>(null);
  const integrationsById = useMemo(
    () => new Map((integrationsQuery.data ?? []).flatMap((category) => category.integrations.map((integration) => [integration.id, integration] as const))),
    [integrationsQuery.data],
  );

  const failedQuery = [integrationsQuery, credentialsQuery].find((query) => query.isError);
  if (failedQuery) {
    return (
      <Alert tone="error" title="The credentials could not be loaded">
        <p>{describeCredentialError(failedQuery.error)}</p>
        <Button
          size="small"
          variant="secondary"
          className="mt-2"
          icon={<RotateCw aria-hidden="true" className="size-3.5" />}
          onClick={() => void Promise.all([integrationsQuery.refetch(), credentialsQuery.refetch()])}
        >
          Try again
        </Button>
      </Alert>
    );
  }
  if (!integrationsQuery.data || !credentialsQuery.data) return <LoadingState label="Loading your credentials…" />;

  const handleSaved = (credential: Credential) => {
    showToast(editing?.credential ? `${credential.name} saved.` : `${credential.name} added. Test it to check that it works.`);
    setEditing(null);
  };
  return (
    <div className="flex flex-col gap-8">
      {composioNotice ? <Alert tone={composioNotice.tone}>{composioNotice.message}</Alert> : null}
      <CredentialsList
        credentials={credentialsQuery.data}
        integrationsById={integrationsById}
        onEdit={(credential, integration) => setEditing({ integration, credential })}
      />
      <IntegrationCatalogue
        categories={integrationsQuery.data}
        credentials={credentialsQuery.data}
        readyToolsByIntegration={readyToolsQuery.data ?? {}}
        onAdd={(integration) => setEditing({ integration, credential: null })}
      />
      {editing ? (
        <CredentialFormDialog
          key={editing.credential?.id ?? editing.integration.id}
          integration={editing.integration}
          credential={editing.credential}
          onClose={() => setEditing(null)}
          onSaved={handleSaved}
        />
      ) : null}
    </div>
  );
}
