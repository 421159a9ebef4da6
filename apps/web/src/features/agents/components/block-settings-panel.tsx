import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useState, type ComponentType, type ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { Input } from '../../../components/ui/input';
import { Textarea } from '../../../components/ui/textarea';
import { classNames } from '../../../lib/class-names';
import { ApiAvailability } from '../api/api-availability';
import { availablePaths } from '../lib/available-paths';
import { blockTypeInfo } from '../lib/block-catalog';
import { categoryTileClasses } from '../lib/category-style';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { ConditionSettings, DelaySettings, LoopSettings, OutputSettings, TransformSettings, VariableSettings, type TypeSettingsProps } from './settings/basic-type-settings';
import { CodeBlockSettings } from './settings/code-block-settings';
import { HttpRequestSettings } from './settings/http-request-settings';
import { JsonConfigSettings } from './settings/io-type-settings';
import { LlmSettings } from './settings/llm-settings';
import { ReliabilitySettings } from './settings/reliability-settings';
import { ConnectionDetails } from './connection-details';
import { WorkflowProblems } from './workflow-problems';

const typeForms: Record<string, ComponentType<TypeSettingsProps>> = {
  variable: VariableSettings,
  transform: TransformSettings,
  condition: ConditionSettings,
  delay: DelaySettings,
  output: OutputSettings,
  llm_inference: LlmSettings,
  http_request: HttpRequestSettings,
  code_block: CodeBlockSettings,
  loop: LoopSettings,
};

const noIssues: readonly never[] = [];

/**
 * The pickers read the API through TanStack Query; the app provides its client. A page without one (the editor's
 * browser preview, served without a server) gets an idle private one and pickers that do not call the API.
 */
function WithQueryClient({ children }: { children: ReactNode }) {
  const client = useContext(QueryClientContext);
  const [fallback] = useState(() => (client === undefined ? new QueryClient() : undefined));
  if (fallback === undefined) return children;
  return (
    <QueryClientProvider client={fallback}>
      <ApiAvailability isAvailable={false}>{children}</ApiAvailability>
    </QueryClientProvider>
  );
}

/** The settings of the selected block (name, description, its type's config, timeout/retry/error policy). */
export function BlockSettingsPanel() {
  return (
    <WithQueryClient>
      <BlockSettings />
    </WithQueryClient>
  );
}

function BlockSettings() {
  const selected = useEditorStore((state) => (state.selectedBlockIds.length === 1 ? state.selectedBlockIds[0] : undefined));
  const count = useEditorStore((state) => state.selectedBlockIds.length);
  if (selected === undefined) {
    return (
      <div className="flex flex-col gap-4 p-4">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {count > 1 ? `${count} blocks selected. Copy, paste or delete them together, or select one to edit it.` : 'Select a block to edit its settings.'}
        </p>
        <ConnectionDetails />
        <WorkflowProblems />
      </div>
    );
  }
  return <SelectedBlockSettings key={selected} blockId={selected} />;
}

function SelectedBlockSettings({ blockId }: { blockId: string }) {
  const block = useEditorStore((state) => state.blocksById.get(blockId));
  const workflow = useEditorStore((state) => state.workflow);
  const issues = useEditorStore((state) => state.validation.byBlock.get(blockId) ?? noIssues);
  if (block === undefined) return null;
  const info = blockTypeInfo(block.type);
  const Icon = info.icon;
  const TypeForm = typeForms[block.type] ?? JsonConfigSettings;
  const paths = availablePaths(workflow, blockId);
  return (
    <form aria-label={`Settings of ${block.name}`} className="relative flex flex-col gap-4 p-4" onSubmit={(event) => event.preventDefault()}>
      <div className="flex items-center gap-3">
        <span className={classNames('flex size-9 items-center justify-center rounded-lg ring-1 ring-inset', categoryTileClasses[info.category])}>
          <Icon aria-hidden="true" className="size-[18px]" />
        </span>
        <div className="min-w-0">
          <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{info.label}</p>
          <p className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{`{{${block.normalizedId}}}`}</p>
        </div>
      </div>
      {issues.length > 0 ? (
        <ul aria-label="Problems" className="flex flex-col gap-1 rounded-lg bg-red-50 p-3 text-xs text-red-800 dark:bg-red-950 dark:text-red-300">
          {issues.map((issue, index) => (
            <li key={`${issue.code}-${index}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <NameField blockId={blockId} name={block.name} />
      <DescriptionField blockId={blockId} description={block.description ?? ''} />
      <div className="flex flex-col gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <TypeForm blockId={blockId} paths={paths} />
      </div>
      <ReliabilitySettings blockId={blockId} type={block.type} />
    </form>
  );
}

function NameField({ blockId, name }: { blockId: string; name: string }) {
  const store = useEditorStoreApi();
  const [draft, setDraft] = useState(name);
  return (
    <Field label="Name" error={draft.trim() === '' ? 'A block needs a name.' : undefined}>
      {(control) => (
        <Input
          {...control}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            if (event.target.value.trim() !== '') store.getState().renameBlock(blockId, event.target.value);
          }}
        />
      )}
    </Field>
  );
}

function DescriptionField({ blockId, description }: { blockId: string; description: string }) {
  const store = useEditorStoreApi();
  return (
    <Field label="Description" hint="What this block is for (the builder and checks read it).">
      {(control) => (
        <Textarea
          {...control}
          rows={2}
          value={description}
          onChange={(event) => store.getState().updateBlock(blockId, { description: event.target.value === '' ? undefined : event.target.value })}
        />
      )}
    </Field>
  );
}
