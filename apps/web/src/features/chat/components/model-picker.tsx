import type { UserModel } from '@claraverse/shared';
import { Check, ChevronDown, Search } from 'lucide-react';
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../../../lib/use-dismiss';
import { Badge } from '../../../components/ui/badge';
import { classNames } from '../../../lib/class-names';

interface ModelPickerProps {
  models: readonly UserModel[];
  selectedModelId: string | null;
  onSelect: (modelId: string) => void;
}

const tierLabels: Record<number, string> = { 1: 'Tier 1', 2: 'Tier 2', 3: 'Tier 3', 4: 'Tier 4', 5: 'Tier 5' };

/** Best tier first, then untiered, then by name. */
function compareModels(left: UserModel, right: UserModel): number {
  return (left.tier ?? 6) - (right.tier ?? 6) || left.displayName.localeCompare(right.displayName);
}

export function ModelBadges({ model }: { model: UserModel }) {
  return (
    <span className="flex flex-wrap gap-1">
      {model.tier !== null ? <Badge tone="accent">{tierLabels[model.tier]}</Badge> : null}
      {model.capabilities.tools ? <Badge>tools</Badge> : null}
      {model.capabilities.vision ? <Badge>vision</Badge> : null}
      {model.capabilities.reasoning ? <Badge>reasoning</Badge> : null}
      {model.isOwn ? <Badge tone="success">yours</Badge> : null}
    </span>
  );
}

/** Chooses the model of a chat: a searchable list with capability badges, tiers and "yours" for BYOK models. */
export function ModelPicker({ models, selectedModelId, onSelect }: ModelPickerProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const selected = models.find((model) => model.id === selectedModelId);
  const visibleModels = models
    .filter((model) => `${model.displayName} ${model.name} ${model.providerName}`.toLowerCase().includes(filter.toLowerCase()))
    .sort(compareModels);

  const handleDismiss = useCallback(() => setIsOpen(false), []);
  useDismiss(isOpen, containerRef, handleDismiss);

  const handleSelect = (modelId: string) => {
    onSelect(modelId);
    setIsOpen(false);
    setFilter('');
  };

  return (
    <div ref={containerRef} className="relative min-w-0">
      <button
        type="button"
        aria-haspopup="listbox"
        aria-expanded={isOpen}
        onClick={() => setIsOpen((open) => !open)}
        className="flex h-9 max-w-full min-w-0 items-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        <span className="truncate">{selected ? selected.displayName : 'Choose a model'}</span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-zinc-500" />
      </button>
      {isOpen ? (
        <div className="absolute top-full right-0 z-30 mt-1 w-[min(22rem,calc(100vw-1.5rem))] rounded-xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <div className="relative border-b border-zinc-200 p-2 dark:border-zinc-800">
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-4 size-4 -translate-y-1/2 text-zinc-400" />
            <input
              autoFocus
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              placeholder="Search models"
              aria-label="Search models"
              className="h-8 w-full rounded-md bg-zinc-100 pr-2 pl-8 text-sm outline-none dark:bg-zinc-800"
            />
          </div>
          <ul role="listbox" aria-label="Models" className="max-h-80 overflow-y-auto p-1">
            {visibleModels.map((model) => (
              <li key={model.id} role="option" aria-selected={model.id === selectedModelId}>
                <button
                  type="button"
                  onClick={() => handleSelect(model.id)}
                  className={classNames(
                    'flex w-full items-start gap-2 rounded-lg px-2.5 py-2 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800',
                    model.id === selectedModelId && 'bg-violet-50 dark:bg-violet-950/50',
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{model.displayName}</span>
                    <span className="mb-1 block truncate text-xs text-zinc-500 dark:text-zinc-400">
                      {model.providerName}
                      {model.contextLength ? ` · ${Math.round(model.contextLength / 1000)}k context` : ''}
                    </span>
                    <ModelBadges model={model} />
                  </span>
                  {model.id === selectedModelId ? <Check aria-hidden="true" className="mt-0.5 size-4 text-violet-700 dark:text-violet-400" /> : null}
                </button>
              </li>
            ))}
            {visibleModels.length === 0 ? <li className="px-3 py-4 text-center text-sm text-zinc-500">No model matches.</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
