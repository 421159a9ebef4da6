import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import type { FilterRow } from './provider-form-values';

interface FiltersEditorProps {
  filters: FilterRow[];
  error: string | undefined;
  onChange: (filters: FilterRow[]) => void;
}

const actionOptions = [
  { value: 'include', label: 'Include' },
  { value: 'exclude', label: 'Exclude' },
] as const;

/** Include/exclude globs (`gpt-4*`) applied to fetched models; the higher priority wins. */
export function FiltersEditor({ filters, error, onChange }: FiltersEditorProps) {
  const update = (index: number, changes: Partial<FilterRow>) =>
    onChange(filters.map((filter, filterIndex) => (filterIndex === index ? { ...filter, ...changes } : filter)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Model filters</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Without filters every fetched model is visible. With filters, models start hidden and each matching pattern (use * as a wildcard) shows or hides them, highest priority last.
      </p>
      {filters.map((filter, index) => (
        <div key={index} className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[1fr_8rem_6rem_auto]">
          <Input aria-label={`Pattern ${index + 1}`} value={filter.pattern} placeholder="gpt-4*" onChange={(event) => update(index, { pattern: event.target.value })} className="col-span-2 sm:col-span-1" />
          <Select aria-label={`Action ${index + 1}`} options={actionOptions} value={filter.action} onChange={(event) => update(index, { action: event.target.value === 'exclude' ? 'exclude' : 'include' })} />
          <Input aria-label={`Priority ${index + 1}`} type="number" min={0} max={1000} value={filter.priority} onChange={(event) => update(index, { priority: event.target.value })} />
          <Button variant="ghost" aria-label={`Remove filter ${index + 1}`} onClick={() => onChange(filters.filter((_, filterIndex) => filterIndex !== index))} icon={<Trash2 aria-hidden="true" className="size-4" />} />
        </div>
      ))}
      {error ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p> : null}
      <div>
        <Button size="small" variant="secondary" icon={<Plus aria-hidden="true" className="size-3.5" />} onClick={() => onChange([...filters, { pattern: '', action: 'include', priority: '0' }])}>
          Add filter
        </Button>
      </div>
    </fieldset>
  );
}
