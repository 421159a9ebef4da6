import type { Model, ModelTestResult } from '@claraverse/shared';
import { FlaskConical, Pencil, Tags } from 'lucide-react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { useTestModel } from '../api/test-model';
import { useUpdateModel } from '../api/update-model';

interface ModelRowProps {
  model: Model;
  /** Shown under the name when the table lists several providers. */
  providerName: string | null;
  isSelected: boolean;
  onSelectedChange: (isSelected: boolean) => void;
  onEdit: () => void;
  onAliases: () => void;
}

const tierOptions = [
  { value: '', label: '—' },
  ...[1, 2, 3, 4, 5].map((tier) => ({ value: String(tier), label: `Tier ${tier}` })),
];

/** "812 ms · 45 tok/s · tools ✓ · JSON 90 %", or the error. */
export function describeTestResult(result: ModelTestResult): string {
  if (!result.passed && result.error) return `Failed: ${result.error}`;
  const parts = [
    result.latencyMs !== null ? `${Math.round(result.latencyMs)} ms` : null,
    result.tokensPerSecond !== null ? `${result.tokensPerSecond.toFixed(1)} tok/s` : null,
    result.supportsTools === null ? null : `tools ${result.supportsTools ? '✓' : '✗'}`,
    result.structuredOutputCompliance !== null ? `JSON ${Math.round(result.structuredOutputCompliance)} %` : null,
  ];
  return parts.filter(Boolean).join(' · ') || (result.passed ? 'Passed' : 'Failed');
}

export function ModelRow({ model, providerName, isSelected, onSelectedChange, onEdit, onAliases }: ModelRowProps) {
  const updateMutation = useUpdateModel();
  const testMutation = useTestModel();
  const handleChange = (changes: Parameters<typeof updateMutation.mutate>[0]['changes']) =>
    updateMutation.mutate({ modelId: model.id, changes }, { onError: (error) => showToast(describeError(error), 'error') });

  return (
    <tr className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3 pr-4 sm:table-row sm:py-0 sm:pr-0">
      <td className="pl-4 sm:px-4 sm:py-2">
        <input type="checkbox" aria-label={`Select ${model.displayName}`} checked={isSelected} onChange={(event) => onSelectedChange(event.target.checked)} className="size-4 accent-violet-700" />
      </td>
      <td className="min-w-0 flex-1 basis-[calc(100%-3.5rem)] sm:px-2 sm:py-2">
        <p className="font-medium text-zinc-900 dark:text-zinc-50">{model.displayName}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {model.name}
          {providerName ? ` · ${providerName}` : ''}
          {model.contextLength ? ` · ${Math.round(model.contextLength / 1000)}k` : ''}
        </p>
        <span className="mt-1 flex flex-wrap gap-1">
          {model.capabilities.tools ? <Badge>tools</Badge> : null}
          {model.capabilities.vision ? <Badge>vision</Badge> : null}
          {model.capabilities.reasoning ? <Badge>reasoning</Badge> : null}
          {model.capabilities.structuredOutput ? <Badge>JSON</Badge> : null}
        </span>
      </td>
      <td className="pl-11 sm:px-2 sm:py-2">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" role="switch" checked={model.isVisible} onChange={(event) => handleChange({ isVisible: event.target.checked })} className="size-4 accent-violet-700" />
          <span className="sr-only">Visible to users: {model.displayName}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{model.isVisible ? 'Shown' : 'Hidden'}</span>
        </label>
      </td>
      <td className="sm:px-2 sm:py-2">
        <span className="mr-1.5 text-xs text-zinc-600 sm:hidden dark:text-zinc-400">Tier</span>
        <select
          aria-label={`Tier of ${model.displayName}`}
          value={model.tier === null ? '' : String(model.tier)}
          onChange={(event) => handleChange({ tier: event.target.value ? Number(event.target.value) : null })}
          className="h-8 rounded-md border border-zinc-300 bg-white px-1.5 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {tierOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </td>
      <td className="max-w-56 text-xs sm:px-2 sm:py-2 text-zinc-600 dark:text-zinc-400">
        <Button size="small" variant="secondary" isLoading={testMutation.isPending} icon={<FlaskConical aria-hidden="true" className="size-3.5" />} onClick={() => testMutation.mutate(model.id)}>
          {testMutation.isPending ? 'Testing…' : 'Test'}
        </Button>
        {testMutation.isSuccess ? <p className="mt-1" role="status">{describeTestResult(testMutation.data)}</p> : null}
        {testMutation.isError ? <p className="mt-1 text-red-700 dark:text-red-400" role="alert">{describeError(testMutation.error)}</p> : null}
      </td>
      <td className="pl-9 text-right whitespace-nowrap sm:py-2 sm:pr-4 sm:pl-2">
        <Button size="small" variant="ghost" aria-label={`Aliases of ${model.displayName}`} icon={<Tags aria-hidden="true" className="size-3.5" />} onClick={onAliases} />
        <Button size="small" variant="ghost" aria-label={`Edit ${model.displayName}`} icon={<Pencil aria-hidden="true" className="size-3.5" />} onClick={onEdit} />
      </td>
    </tr>
  );
}
