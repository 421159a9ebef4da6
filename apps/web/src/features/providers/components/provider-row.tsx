import type { Provider } from '@claraverse/shared';
import { DownloadCloud, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { useDeleteProvider } from '../api/delete-provider';
import { useFetchProviderModels } from '../api/fetch-provider-models';
import type { ProviderScope } from '../api/provider-scope';
import { providerKindOptions } from './provider-form-values';

interface ProviderRowProps {
  scope: ProviderScope;
  provider: Provider;
  onEdit: () => void;
}

/** One provider with its badges and actions: fetch models (with progress and result count), edit, delete. */
export function ProviderRow({ scope, provider, onEdit }: ProviderRowProps) {
  const fetchMutation = useFetchProviderModels(scope);
  const deleteMutation = useDeleteProvider(scope);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const kindLabel = providerKindOptions.find((option) => option.value === provider.kind)?.label.split(' (')[0];

  const handleFetch = () => {
    fetchMutation.mutate(provider.id, {
      onSuccess: (models) => showToast(`${provider.name}: ${models.length} model${models.length === 1 ? '' : 's'} fetched.`),
    });
  };

  const handleDelete = () => {
    deleteMutation.mutate(provider.id, {
      onSuccess: () => {
        setIsConfirmingDelete(false);
        showToast(`${provider.name} deleted.`);
      },
    });
  };

  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900 dark:text-zinc-50">
          {provider.name}
          <Badge>{kindLabel}</Badge>
          {provider.enabled ? <Badge tone="success">enabled</Badge> : <Badge tone="warning">disabled</Badge>}
          {provider.hasApiKey ? <Badge tone="accent">key stored</Badge> : null}
          {provider.flags.secure ? <Badge tone="success">secure</Badge> : null}
          {provider.flags.audioOnly ? <Badge>audio only</Badge> : null}
          {provider.flags.imageOnly ? <Badge>images only</Badge> : null}
        </p>
        <p className="mt-0.5 truncate text-sm text-zinc-600 dark:text-zinc-400">{provider.baseUrl}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {provider.lastFetchedAt ? `Models fetched ${formatDateTime(provider.lastFetchedAt)}` : 'Models never fetched'}
          {fetchMutation.isSuccess ? ` · ${fetchMutation.data.length} models` : ''}
        </p>
        {fetchMutation.isError ? <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{describeError(fetchMutation.error)}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="small" variant="secondary" isLoading={fetchMutation.isPending} icon={<DownloadCloud aria-hidden="true" className="size-3.5" />} onClick={handleFetch}>
          {fetchMutation.isPending ? 'Fetching models…' : 'Fetch models'}
        </Button>
        {scope === 'admin' ? (
          <Link to={`/admin/models?providerId=${encodeURIComponent(provider.id)}`} className="inline-flex h-8 items-center rounded-lg px-2.5 text-xs font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-400 dark:hover:bg-violet-950">
            Models
          </Link>
        ) : null}
        <Button size="small" variant="ghost" icon={<Pencil aria-hidden="true" className="size-3.5" />} onClick={onEdit}>
          Edit
        </Button>
        <Button size="small" variant="ghost" icon={<Trash2 aria-hidden="true" className="size-3.5" />} onClick={() => setIsConfirmingDelete(true)}>
          Delete
        </Button>
      </div>
      <Dialog
        isOpen={isConfirmingDelete}
        title={`Delete ${provider.name}?`}
        description="Its models disappear from every model picker. Chats that used them keep their messages."
        onClose={() => setIsConfirmingDelete(false)}
      >
        {deleteMutation.isError ? <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">{describeError(deleteMutation.error)}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setIsConfirmingDelete(false)}>
            Cancel
          </Button>
          <Button variant="danger" isLoading={deleteMutation.isPending} onClick={handleDelete}>
            Delete provider
          </Button>
        </div>
      </Dialog>
    </li>
  );
}
