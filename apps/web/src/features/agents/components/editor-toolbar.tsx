import { ArrowDown, ArrowRight, CircleAlert, CircleCheck, LayoutGrid, Redo2, Save, Undo2 } from 'lucide-react';
import { useReactFlow } from '@xyflow/react';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import type { LayoutDirection } from '../lib/auto-layout';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { fitViewOptions } from './editor-canvas';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** Undo/redo, automatic layout, the validation summary and Save (refused while the workflow has problems). */
export function EditorToolbar({ title, onSave, leading }: { title: string; onSave: () => Promise<void> | void; leading?: ReactNode }) {
  const store = useEditorStoreApi();
  const canUndo = useEditorStore((state) => state.past.length > 0);
  const canRedo = useEditorStore((state) => state.future.length > 0);
  const issueCount = useEditorStore((state) => state.validation.issues.length);
  const isDirty = useEditorStore((state) => state.isDirty);
  const blockCount = useEditorStore((state) => state.workflow.blocks.length);
  const direction = useEditorStore((state) => state.layoutDirection);
  const [isSaving, setIsSaving] = useState(false);
  const { fitView } = useReactFlow();

  const tidyUp = (next?: LayoutDirection) => {
    store.getState().autoLayout(next);
    // Frame the new layout once React Flow has drawn the moved blocks.
    requestAnimationFrame(() => void fitView({ ...fitViewOptions, duration: 200 }));
  };

  const save = async () => {
    setIsSaving(true);
    try {
      await onSave();
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mr-auto flex min-w-0 items-center gap-3">
        {leading}
        <div className="min-w-0">
          <h1 className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50">{title}</h1>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {blockCount === 1 ? '1 block' : `${blockCount} blocks`}
            {isDirty ? ' · unsaved changes' : ''}
          </p>
        </div>
      </div>
      <div role="group" aria-label="History" className="flex items-center gap-1">
        <Button variant="ghost" size="small" icon={<Undo2 aria-hidden="true" className="size-4" />} disabled={!canUndo} onClick={() => store.getState().undo()} title={`Undo (${mod}Z)`} aria-label="Undo" />
        <Button variant="ghost" size="small" icon={<Redo2 aria-hidden="true" className="size-4" />} disabled={!canRedo} onClick={() => store.getState().redo()} title={`Redo (${mod}Shift+Z)`} aria-label="Redo" />
      </div>
      <div role="group" aria-label="Layout" className="flex items-center">
        <Button variant="secondary" size="small" className="rounded-r-none" icon={<LayoutGrid aria-hidden="true" className="size-4" />} onClick={() => tidyUp()}>
          Tidy up
        </Button>
        <Button
          variant="secondary"
          size="small"
          className="-ml-px rounded-l-none"
          icon={direction === 'LR' ? <ArrowRight aria-hidden="true" className="size-4" /> : <ArrowDown aria-hidden="true" className="size-4" />}
          aria-label={direction === 'LR' ? 'Flow runs left to right; switch to top to bottom' : 'Flow runs top to bottom; switch to left to right'}
          title={direction === 'LR' ? 'Left to right (click for top to bottom)' : 'Top to bottom (click for left to right)'}
          onClick={() => tidyUp(direction === 'LR' ? 'TB' : 'LR')}
        />
      </div>
      <span
        role="status"
        className={
          issueCount === 0
            ? 'inline-flex items-center gap-1.5 px-2 text-xs font-medium text-emerald-700 dark:text-emerald-400'
            : 'inline-flex items-center gap-1.5 px-2 text-xs font-medium text-red-700 dark:text-red-400'
        }
      >
        {issueCount === 0 ? <CircleCheck aria-hidden="true" className="size-4" /> : <CircleAlert aria-hidden="true" className="size-4" />}
        {issueCount === 0 ? 'Ready to run' : issueCount === 1 ? '1 problem' : `${issueCount} problems`}
      </span>
      <Button size="small" icon={<Save aria-hidden="true" className="size-4" />} isLoading={isSaving} disabled={issueCount > 0 || !isDirty} onClick={() => void save()}>
        Save
      </Button>
    </div>
  );
}
