import type { Workflow } from '@claraverse/engine';
import { ReactFlowProvider } from '@xyflow/react';
import { X } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { CreateEditorStoreOptions, EditorStore } from '../stores/editor-store';
import { EditorStoreProvider, useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { BlockPalette } from './block-palette';
import { BlockSettingsPanel } from './block-settings-panel';
import { EditorCanvas } from './editor-canvas';
import { EditorToolbar } from './editor-toolbar';

export interface AgentEditorProps {
  /** The workflow to edit; read once (give the editor a new `key` to load another). */
  workflow: Workflow;
  /** Called with the edited workflow when the user saves; the editor marks itself saved when it resolves. */
  onSave: (workflow: Workflow) => Promise<void> | void;
  title?: string;
  /** Options of the editor store (tests pass a deterministic id factory). */
  storeOptions?: CreateEditorStoreOptions;
  /** A store made by the caller with createEditorStore, to drive the editor from outside (run statuses); `workflow` is then ignored. */
  store?: EditorStore;
}

/**
 * The agent editor: block palette, React Flow canvas and the selected block's settings, over one editor store
 * per instance. Keyboard: Delete/Backspace removes the selection, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or +Y)
 * redoes, Ctrl/Cmd+C/V copy and paste blocks — except while typing in a field.
 */
export function AgentEditor({ workflow, onSave, title = 'Workflow', storeOptions, store }: AgentEditorProps) {
  return (
    <EditorStoreProvider workflow={workflow} {...(storeOptions === undefined ? {} : { options: storeOptions })} {...(store === undefined ? {} : { store })}>
      <ReactFlowProvider>
        <EditorLayout title={title} onSave={onSave} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function EditorLayout({ title, onSave }: { title: string; onSave: AgentEditorProps['onSave'] }) {
  const store = useEditorStoreApi();
  const notice = useEditorStore((state) => state.notice);

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target)) return;
    const state = store.getState();
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (event.key === 'Delete' || event.key === 'Backspace') state.deleteSelection();
    else if (mod && key === 'z' && event.shiftKey) state.redo();
    else if (mod && key === 'z') state.undo();
    else if (mod && key === 'y') state.redo();
    else if (mod && key === 'c') state.copySelection();
    else if (mod && key === 'v') state.paste();
    else return;
    event.preventDefault();
  };

  const save = async () => {
    const workflow = store.getState().workflow;
    try {
      await onSave(workflow);
    } catch (error) {
      store.getState().showNotice(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Edits made while saving are still unsaved.
    if (store.getState().workflow === workflow) store.getState().markSaved();
  };

  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-50 dark:bg-zinc-950" onKeyDown={onKeyDown}>
      <EditorToolbar title={title} onSave={save} />
      <div className="flex min-h-0 flex-1">
        <aside aria-label="Block palette" className="w-56 shrink-0 overflow-y-auto border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <BlockPalette />
        </aside>
        <section aria-label="Canvas" className="relative min-w-0 flex-1" tabIndex={-1}>
          <EditorCanvas />
          {notice === undefined ? null : (
            <div role="alert" className="absolute top-3 left-1/2 flex -translate-x-1/2 items-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
              {notice}
              <button type="button" aria-label="Dismiss" className="rounded p-0.5 hover:bg-white/10 dark:hover:bg-black/10" onClick={() => store.getState().clearNotice()}>
                <X aria-hidden="true" className="size-4" />
              </button>
            </div>
          )}
        </section>
        <aside aria-label="Block settings" className="w-80 shrink-0 overflow-y-auto border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <BlockSettingsPanel />
        </aside>
      </div>
    </div>
  );
}
