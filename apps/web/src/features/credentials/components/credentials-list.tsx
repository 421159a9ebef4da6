import type { Credential, Integration } from '@claraverse/shared';
import { KeyRound } from 'lucide-react';
import { Card, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { CredentialRow } from './credential-row';

interface CredentialsListProps {
  credentials: readonly Credential[];
  integrationsById: ReadonlyMap<string, Integration>;
  onEdit: (credential: Credential, integration: Integration) => void;
}

/** "Your credentials": every credential of the user, newest first, or a line saying how to add one. */
export function CredentialsList({ credentials, integrationsById, onEdit }: CredentialsListProps) {
  return (
    <Card>
      <CardHeader
        title="Your credentials"
        description="Stored encrypted; only a masked preview is ever shown. Tools use them on your behalf."
      />
      {credentials.length === 0 ? (
        <EmptyState
          icon={<KeyRound aria-hidden="true" className="size-6" />}
          title="No credentials yet"
          description="Pick a service below and add its API key, token or webhook. Its tools then become available in your chats."
        />
      ) : (
        <ul aria-label="Your credentials" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {credentials.map((credential) => {
            const integration = integrationsById.get(credential.integrationType);
            return (
              <CredentialRow
                key={credential.id}
                credential={credential}
                integration={integration}
                onEdit={() => {
                  if (integration) onEdit(credential, integration);
                }}
              />
            );
          })}
        </ul>
      )}
    </Card>
  );
}
