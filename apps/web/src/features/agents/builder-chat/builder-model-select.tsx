import type { UserModel } from '@claraverse/shared';
import { ChevronDown, Cpu } from 'lucide-react';
import { useId } from 'react';
import { useAgentModels } from '../api/list-agent-models';

const defaultValue = '';

function optionLabel(model: UserModel): string {
  return `${model.displayName} · ${model.providerName}`;
}

/**
 * The model the builder writes with: the instance default (the user's first model, as for LLM blocks) unless one
 * is chosen. Hidden until the models are known; the server then uses the default.
 */
export function BuilderModelSelect({ value, onChange }: { value: string | undefined; onChange: (modelId: string | undefined) => void }) {
  const id = useId();
  const models = useAgentModels();
  const list = models.data ?? [];
  if (list.length === 0) return null;
  const chosen = list.find((model) => model.id === value);
  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        Model
      </label>
      <Cpu aria-hidden="true" className="size-3.5 shrink-0 text-zinc-500 dark:text-zinc-400" />
      <span className="relative inline-flex min-w-0">
        <select
          id={id}
          title="The model the builder writes with"
          value={chosen?.id ?? defaultValue}
          onChange={(event) => onChange(event.target.value === defaultValue ? undefined : event.target.value)}
          className="h-7 max-w-[14rem] min-w-0 appearance-none truncate rounded-md border border-zinc-300 bg-white pr-7 pl-2 text-xs text-zinc-800 focus-visible:border-violet-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-violet-600/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        >
          <option value={defaultValue}>{`${list[0]!.displayName} (default)`}</option>
          {list.map((model) => (
            <option key={model.id} value={model.id}>
              {optionLabel(model)}
            </option>
          ))}
        </select>
        <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-zinc-500" />
      </span>
    </div>
  );
}
