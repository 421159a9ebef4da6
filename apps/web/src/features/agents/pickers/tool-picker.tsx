import type { RecommendToolsBody, ToolSummary } from '@claraverse/shared';
import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/error-messages';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useTools, useUsableToolNames } from '../api/list-tools';
import { useToolRecommendations } from '../api/recommend-tools';
import { ToolOption } from './tool-option';

interface ToolPickerProps {
  label: string;
  /** Several tools (an LLM block's enabledTools) or exactly one (a tool call block's toolName). */
  mode: 'multiple' | 'single';
  selected: readonly string[];
  onChange: (names: string[]) => void;
  /** Multiple mode: the subset the block must call. */
  required?: readonly string[];
  onRequiredChange?: (names: string[]) => void;
  /** The block's words, for the recommendation badges. */
  context: RecommendToolsBody;
}

function matchesSearch(tool: ToolSummary, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [tool.displayName, tool.name, tool.description, ...tool.keywords].some((text) => text.toLowerCase().includes(needle));
}

/** Tools by category with search, recommendation badges, required tools and missing credentials marked. */
export function ToolPicker({ label, mode, selected, onChange, required = [], onRequiredChange, context }: ToolPickerProps) {
  const groupName = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const tools = useTools();
  const usable = useUsableToolNames();
  const debouncedContext = useDebouncedValue(JSON.stringify(context), 400);
  const recommendations = useToolRecommendations(JSON.parse(debouncedContext) as RecommendToolsBody);
  const recommended = new Map((recommendations.data ?? []).map((entry) => [entry.toolId, entry]));
  const usableNames = new Set(usable.data ?? []);
  const all = (tools.data ?? []).filter((tool) => !tool.interactive);
  const categories = [...new Set(all.map((tool) => tool.category))].sort();
  const shown = all.filter((tool) => (category === '' || tool.category === category) && matchesSearch(tool, search));
  const score = (tool: ToolSummary) => recommended.get(tool.name)?.score ?? 0;
  const groups = categories
    .map((name) => ({ name, tools: shown.filter((tool) => tool.category === name).sort((a, b) => score(b) - score(a) || a.displayName.localeCompare(b.displayName)) }))
    .filter((group) => group.tools.length > 0);
  const unknown = tools.isSuccess ? selected.filter((name) => !all.some((tool) => tool.name === name)) : [];

  const toggle = (name: string, isSelected: boolean) => {
    if (mode === 'single') return onChange(isSelected ? [name] : []);
    onChange(isSelected ? [...selected, name] : selected.filter((entry) => entry !== name));
    if (!isSelected && required.includes(name)) onRequiredChange?.(required.filter((entry) => entry !== name));
  };
  const summary = mode === 'single' ? (selected[0] === undefined ? 'None chosen' : `${selected[0]} chosen`) : `${selected.length} enabled${required.length > 0 ? `, ${required.length} required` : ''}`;

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 flex w-full items-center justify-between text-sm font-medium text-zinc-800 dark:text-zinc-200">
        <span>{label}</span>
        <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{summary}</span>
      </legend>
      <div className="grid grid-cols-[1fr_9rem] gap-2">
        <Input type="search" aria-label={`Search ${label.toLowerCase()}`} placeholder="Search tools" value={search} onChange={(event) => setSearch(event.target.value)} />
        <Select aria-label="Category" value={category} onChange={(event) => setCategory(event.target.value)} options={[{ value: '', label: 'All categories' }, ...categories.map((name) => ({ value: name, label: name }))]} />
      </div>
      {tools.isLoading ? <Spinner label="Loading tools…" /> : null}
      {tools.isPending && !tools.isLoading ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{selected.length === 0 ? 'No tool chosen.' : `Chosen: ${selected.join(', ')}.`}</p> : null}
      {tools.isError ? <Alert tone="error">{`The tools could not be loaded. ${describeError(tools.error)}`}</Alert> : null}
      {unknown.length > 0 ? (
        <Alert tone="error">
          {`Not available to you: ${unknown.join(', ')}. `}
          <button type="button" className="font-medium underline" onClick={() => onChange(selected.filter((name) => !unknown.includes(name)))}>
            Remove
          </button>
        </Alert>
      ) : null}
      {tools.isSuccess ? (
        <div className="max-h-80 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          {groups.length === 0 ? <p className="px-3 py-4 text-center text-sm text-zinc-500 dark:text-zinc-400">No tool matches.</p> : null}
          {groups.map((group) => (
            <section key={group.name} aria-label={`${group.name} tools`}>
              <h4 className="sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 px-3 py-1 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-400">
                {`${group.name} · ${group.tools.length}`}
              </h4>
              <ul className="divide-y divide-zinc-100 dark:divide-zinc-800/60">
                {group.tools.map((tool) => (
                  <ToolOption
                    key={tool.name}
                    tool={tool}
                    mode={mode}
                    groupName={groupName}
                    isSelected={selected.includes(tool.name)}
                    onToggle={(isSelected) => toggle(tool.name, isSelected)}
                    recommendation={recommended.get(tool.name)}
                    needsCredential={tool.integration !== undefined && usable.isSuccess && !usableNames.has(tool.name)}
                    isRequired={required.includes(tool.name)}
                    onRequiredChange={
                      mode === 'multiple' && onRequiredChange !== undefined
                        ? (isRequired) => onRequiredChange(isRequired ? [...required, tool.name] : required.filter((entry) => entry !== tool.name))
                        : undefined
                    }
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
