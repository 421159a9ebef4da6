import type { Provider } from '@claraverse/shared';
import { Plus, Server } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { useProviders } from '../api/list-providers';
import type { ProviderScope } from '../api/provider-scope';
import { ProviderForm } from './provider-form';
import { ProviderRow } from './provider-row';

/** Sentence shown when the server refuses a user's own providers (the admin turned BYOK off). */
export const byokDisabledMessage =
  'Your administrator has turned off personal providers on this instance. Use the models they provide, or ask them to allow bring-your-own-key.';

/** Providers of a scope: list, add, edit, delete, fetch models. The same panel serves Admin and Settings (BYOK). */
export function ProvidersPanel({ scope }: { scope: ProviderScope }) {
  const providersQuery = useProviders(scope);
  // undefined: list; null: adding; a provider: editing it.
  const [editing, setEditing] = useState<Provider | null | undefined>(undefined);

  const handleSaved = (provider: Provider) => {
    showToast(editing ? `${provider.name} saved.` : `${provider.name} added. Fetch its models next.`);
    setEditing(undefined);
  };

  if (providersQuery.isError && providersQuery.error instanceof ApiError && providersQuery.error.status === 403 && scope === 'user') {
    return <Alert tone="info" title="Personal providers are turned off">{byokDisabledMessage}</Alert>;
  }
  if (editing !== undefined) {
    return (
      <Card>
        <CardHeader title={editing ? `Edit ${editing.name}` : 'Add a provider'} />
        <CardBody>
          <ProviderForm key={editing?.id ?? 'new'} scope={scope} provider={editing} onSaved={handleSaved} onCancel={() => setEditing(undefined)} />
        </CardBody>
      </Card>
    );
  }
  const providers = providersQuery.data ?? [];
  return (
    <Card>
      <CardHeader
        title={scope === 'admin' ? 'Providers' : 'Your providers'}
        description={
          scope === 'admin'
            ? 'Connect model providers for everyone on this instance. API keys are stored encrypted and never shown again.'
            : 'Use your own API keys. Only you see these providers and their models (marked "yours" in the model picker).'
        }
        actions={
          <Button icon={<Plus aria-hidden="true" className="size-4" />} onClick={() => setEditing(null)}>
            Add provider
          </Button>
        }
      />
      {providersQuery.isPending ? <LoadingState label="Loading providers…" /> : null}
      {providersQuery.isError ? <Alert tone="error" className="m-4">{describeError(providersQuery.error)}</Alert> : null}
      {providersQuery.isSuccess && providers.length === 0 ? (
        <EmptyState
          icon={<Server aria-hidden="true" className="size-6" />}
          title="No providers yet"
          description="Add OpenAI, Anthropic, Google or any OpenAI-compatible server (Ollama, LM Studio, vLLM…), then fetch its models."
        />
      ) : null}
      {providers.length > 0 ? (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {providers.map((provider) => (
            <ProviderRow key={provider.id} scope={scope} provider={provider} onEdit={() => setEditing(provider)} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
