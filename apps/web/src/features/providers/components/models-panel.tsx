import type { Model } from '@claraverse/shared';
import { Boxes, Search } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { LoadingState } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { useAdminModels } from '../api/list-admin-models';
import { useProviders } from '../api/list-providers';
import { useSetModelsVisibility } from '../api/set-models-visibility';
import { ModelAliasesDialog } from './model-aliases-dialog';
import { ModelEditDialog } from './model-edit-dialog';
import { ModelRow } from './model-row';

interface ModelsPanelProps {
  providerId: string | null;
  onProviderChange: (providerId: string | null) => void;
}

/** Every model of the instance (or of one provider): search, visibility (one or in bulk), tier, edit, aliases, test. */
export function ModelsPanel({ providerId, onProviderChange }: ModelsPanelProps) {
  const providersQuery = useProviders('admin');
  const modelsQuery = useAdminModels(providerId);
  const visibilityMutation = useSetModelsVisibility();
  const [search, setSearch] = useState('');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Model | null>(null);
  const [aliasesFor, setAliasesFor] = useState<Model | null>(null);
  const providerNames = new Map((providersQuery.data ?? []).map((provider) => [provider.id, provider.name]));
  const models = (modelsQuery.data ?? []).filter((model) =>
    `${model.name} ${model.displayName}`.toLowerCase().includes(search.trim().toLowerCase()),
  );
  const selectedVisible = models.filter((model) => selectedIds.has(model.id)).map((model) => model.id);

  const handleToggleSelected = (modelId: string, isSelected: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (isSelected) next.add(modelId);
      else next.delete(modelId);
      return next;
    });

  const handleBulk = (isVisible: boolean) => {
    visibilityMutation.mutate(
      { modelIds: selectedVisible, isVisible },
      {
        onSuccess: () => {
          showToast(`${selectedVisible.length} model${selectedVisible.length === 1 ? '' : 's'} ${isVisible ? 'shown' : 'hidden'}.`);
          setSelectedIds(new Set());
        },
        onError: (error) => showToast(describeError(error), 'error'),
      },
    );
  };

  const providerOptions = [
    { value: '', label: 'All providers' },
    ...(providersQuery.data ?? []).map((provider) => ({ value: provider.id, label: provider.name })),
  ];
  const isAllSelected = models.length > 0 && selectedVisible.length === models.length;

  return (
    <Card>
      <div className="flex flex-col gap-3 border-b border-zinc-200 p-4 sm:flex-row sm:items-center dark:border-zinc-800">
        <Select aria-label="Provider" options={providerOptions} value={providerId ?? ''} onChange={(event) => onProviderChange(event.target.value || null)} className="sm:w-56" />
        <div className="relative flex-1">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
          <Input type="search" aria-label="Search models" placeholder="Search models" value={search} onChange={(event) => setSearch(event.target.value)} className="pl-9" />
        </div>
      </div>
      {selectedVisible.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-violet-50 px-4 py-2 text-sm dark:border-zinc-800 dark:bg-violet-950/40">
          <span>{selectedVisible.length} selected</span>
          <Button size="small" variant="secondary" isLoading={visibilityMutation.isPending} onClick={() => handleBulk(true)}>
            Show
          </Button>
          <Button size="small" variant="secondary" isLoading={visibilityMutation.isPending} onClick={() => handleBulk(false)}>
            Hide
          </Button>
        </div>
      ) : null}
      {modelsQuery.isPending ? <LoadingState label="Loading models…" /> : null}
      {modelsQuery.isError ? <Alert tone="error" className="m-4">{describeError(modelsQuery.error)}</Alert> : null}
      {modelsQuery.isSuccess && models.length === 0 ? (
        <EmptyState icon={<Boxes aria-hidden="true" className="size-6" />} title="No models" description={search ? 'No model matches this search.' : 'Fetch models from a provider in the Providers tab.'} />
      ) : null}
      {models.length > 0 ? (
        <div className="sm:overflow-x-auto">
          {/* Below the sm breakpoint each row becomes a wrapped block, so nothing hides off-screen at 360 px. */}
          <table className="block w-full text-left text-sm sm:table sm:min-w-[44rem]">
            <thead className="hidden text-xs text-zinc-500 uppercase sm:table-header-group dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="w-10 px-4 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all models"
                    checked={isAllSelected}
                    onChange={(event) => setSelectedIds(event.target.checked ? new Set(models.map((model) => model.id)) : new Set())}
                    className="size-4 accent-violet-700"
                  />
                </th>
                <th className="px-2 py-2">Model</th>
                <th className="px-2 py-2">Visible</th>
                <th className="px-2 py-2">Tier</th>
                <th className="px-2 py-2">Test</th>
                <th className="py-2 pr-4 pl-2 text-right">Actions</th>
              </tr>
            </thead>
            <tbody className="block divide-y divide-zinc-200 sm:table-row-group dark:divide-zinc-800">
              {models.map((model) => (
                <ModelRow
                  key={model.id}
                  model={model}
                  providerName={providerId ? null : (providerNames.get(model.providerId) ?? null)}
                  isSelected={selectedIds.has(model.id)}
                  onSelectedChange={(isSelected) => handleToggleSelected(model.id, isSelected)}
                  onEdit={() => setEditing(model)}
                  onAliases={() => setAliasesFor(model)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? <ModelEditDialog key={editing.id} model={editing} onClose={() => setEditing(null)} /> : null}
      {aliasesFor ? <ModelAliasesDialog model={aliasesFor} onClose={() => setAliasesFor(null)} /> : null}
    </Card>
  );
}
