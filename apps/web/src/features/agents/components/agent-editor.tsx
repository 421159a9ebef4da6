import type { Workflow, WorkflowIssue } from '@claraverse/engine';
import { ReactFlowProvider } from '@xyflow/react';
import { PanelRightClose, PanelRightOpen, SlidersHorizontal, X, type LucideIcon } from 'lucide-react';
import { createContext, useContext, useState, type KeyboardEvent, type ReactNode } from 'react';
import { classNames } from '../../../lib/class-names';
import { readEditorLayout, rememberEditorLayout } from '../lib/editor-layout-preferences';
import type { CreateEditorStoreOptions, EditorStore } from '../stores/editor-store';
import { EditorStoreProvider, useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { BlockPalette } from './block-palette';
import { BlockSettingsPanel } from './block-settings-panel';
import { EditorCanvas } from './editor-canvas';
import { EditorToolbar } from './editor-toolbar';

/** A tab of the editor's side panel besides the selected block's settings (run, history, versions, deploy…). */
export interface EditorPanel {
  id: string;
  label: string;
  icon: LucideIcon;
  /** Rendered inside the editor store's provider, so it can read and drive the editor (statuses, replace). */
  render: () => ReactNode;
  /** Stay on this tab when the user selects a block (the run panel shows the selected block's result). */
  keepOnSelect?: boolean;
}

/** A refused save whose problems belong to blocks: the editor shows them on the blocks as well as the message. */
export class WorkflowSaveError extends Error {
  constructor(
    message: string,
    readonly issues: readonly WorkflowIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'WorkflowSaveError';
  }
}

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
  /** More tabs of the side panel, after "Block". */
  panels?: readonly EditorPanel[];
  /** The tab shown first (default "block"). */
  initialPanel?: string;
  /** Shown before the title in the toolbar (the page's way back). */
  toolbarLeading?: ReactNode;
}

/**
 * The agent editor: block palette, React Flow canvas and the selected block's settings, over one editor store
 * per instance. The palette folds to a rail of block icons and the side panel (with tabs) to its tab strip; both
 * choices are remembered on this browser, and the canvas re-frames the workflow after each. Keyboard: Delete/Backspace removes the selection, Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or +Y)
 * redoes, Ctrl/Cmd+C/V copy and paste blocks — except while typing in a field.
 */
export function AgentEditor({ workflow, onSave, title = 'Workflow', storeOptions, store, panels = [], initialPanel = 'block', toolbarLeading }: AgentEditorProps) {
  return (
    <EditorStoreProvider workflow={workflow} {...(storeOptions === undefined ? {} : { options: storeOptions })} {...(store === undefined ? {} : { store })}>
      <ReactFlowProvider>
        <EditorLayout title={title} onSave={onSave} panels={panels} initialPanel={initialPanel} toolbarLeading={toolbarLeading} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface EditorLayoutProps {
  title: string;
  onSave: AgentEditorProps['onSave'];
  panels: readonly EditorPanel[];
  initialPanel: string;
  toolbarLeading: ReactNode;
}

function EditorLayout({ title, onSave, panels, initialPanel, toolbarLeading }: EditorLayoutProps) {
  const store = useEditorStoreApi();
  const notice = useEditorStore((state) => state.notice);
  const selectedBlockIds = useEditorStore((state) => state.selectedBlockIds);
  const [paletteCollapsed, setPaletteCollapsed] = useState(() => readEditorLayout().paletteCollapsed);
  // The side panel's fold as last chosen, with the selection at that moment: selecting blocks later unfolds it.
  const [sidePanelFold, setSidePanelFold] = useState(() => ({ collapsed: readEditorLayout().sidePanelCollapsed, selection: selectedBlockIds }));
  const hasTabs = panels.length > 0;
  const sidePanelCollapsed = hasTabs && sidePanelFold.collapsed && !(sidePanelFold.selection !== selectedBlockIds && selectedBlockIds.length > 0);

  const togglePalette = () => {
    rememberEditorLayout({ paletteCollapsed: !paletteCollapsed });
    setPaletteCollapsed(!paletteCollapsed);
  };
  const setSidePanelCollapsed = (collapsed: boolean) => {
    rememberEditorLayout({ sidePanelCollapsed: collapsed });
    setSidePanelFold({ collapsed, selection: selectedBlockIds });
  };

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
      if (error instanceof WorkflowSaveError) store.getState().showServerIssues(error.issues);
      store.getState().showNotice(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // Edits made while saving are still unsaved.
    if (store.getState().workflow === workflow) store.getState().markSaved();
  };

  return (
    <div className="flex h-full min-h-0 flex-col bg-zinc-50 dark:bg-zinc-950" onKeyDown={onKeyDown}>
      <EditorToolbar title={title} onSave={save} leading={toolbarLeading} />
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label="Block palette"
          className={classNames('shrink-0 overflow-y-auto border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900', paletteCollapsed ? 'w-14' : 'w-56')}
        >
          <BlockPalette collapsed={paletteCollapsed} onToggle={togglePalette} />
        </aside>
        <section aria-label="Canvas" className="relative min-w-0 flex-1" tabIndex={-1}>
          <EditorCanvas frameKey={`${paletteCollapsed}/${sidePanelCollapsed}`} />
          {notice === undefined ? null : (
            <div role="alert" className="absolute top-3 left-1/2 flex -translate-x-1/2 items-center gap-2 rounded-lg bg-zinc-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
              {notice}
              <button type="button" aria-label="Dismiss" className="rounded p-0.5 hover:bg-white/10 dark:hover:bg-black/10" onClick={() => store.getState().clearNotice()}>
                <X aria-hidden="true" className="size-4" />
              </button>
            </div>
          )}
        </section>
        <SidePanel panels={panels} initialPanel={initialPanel} collapsed={sidePanelCollapsed} onCollapsedChange={setSidePanelCollapsed} />
      </div>
    </div>
  );
}

const OpenPanelContext = createContext<(panelId: string) => void>(() => undefined);

/** Brings a tab of the editor's side panel forward (History's "Run again" opens Run; a builder message its version). */
export function useOpenEditorPanel(): (panelId: string) => void {
  return useContext(OpenPanelContext);
}

const blockPanel: EditorPanel = { id: 'block', label: 'Block', icon: SlidersHorizontal, render: () => <BlockSettingsPanel /> };

interface SidePanelProps {
  panels: readonly EditorPanel[];
  initialPanel: string;
  /** Folded to its tab strip (only with tabs besides "Block"). */
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

/**
 * The right-hand side: tabs for the selected block's settings and the panels the page adds. Selecting a block
 * brings its settings forward unless the open tab keeps its place (the run panel shows that block's result).
 * Folded, it is a vertical strip of the tabs' icons: a tab pressed there opens the panel on it.
 */
function SidePanel({ panels, initialPanel, collapsed, onCollapsedChange }: SidePanelProps) {
  const tabs = [blockPanel, ...panels];
  const selectedBlockIds = useEditorStore((state) => state.selectedBlockIds);
  // The tab chosen last and the selection at that moment: a later selection of blocks shows their settings.
  const [choice, setChoice] = useState({ id: initialPanel, selection: selectedBlockIds });
  const chosen = tabs.find((tab) => tab.id === choice.id) ?? blockPanel;
  const selectionChanged = choice.selection !== selectedBlockIds && selectedBlockIds.length > 0;
  const active = selectionChanged && chosen.keepOnSelect !== true ? blockPanel : chosen;
  const openPanel = (id: string) => {
    setChoice({ id, selection: selectedBlockIds });
    if (collapsed) onCollapsedChange(false);
  };

  if (panels.length === 0) {
    return (
      <aside aria-label="Block settings" className="w-80 shrink-0 overflow-y-auto border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <BlockSettingsPanel />
      </aside>
    );
  }
  const ToggleIcon = collapsed ? PanelRightOpen : PanelRightClose;
  return (
    <aside
      aria-label="Side panel"
      className={classNames(
        'flex shrink-0 flex-col border-l border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
        collapsed ? 'w-12' : active.id === 'block' ? 'w-80' : 'w-[26rem]',
      )}
    >
      <div className={classNames('flex shrink-0 border-zinc-200 dark:border-zinc-800', collapsed ? 'min-h-0 flex-1 flex-col items-center gap-1 overflow-y-auto py-1' : 'items-stretch border-b')}>
        {/* The toggle keeps its place in both states, so it keeps the keyboard focus when pressed. */}
        <button
          type="button"
          onClick={() => onCollapsedChange(!collapsed)}
          aria-label={collapsed ? 'Expand side panel' : 'Collapse side panel'}
          title={collapsed ? 'Expand side panel' : 'Collapse side panel'}
          className={classNames(
            'flex shrink-0 items-center justify-center text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
            collapsed ? 'size-8 rounded-md' : 'w-8 border-r border-zinc-200 dark:border-zinc-800',
          )}
        >
          <ToggleIcon aria-hidden="true" className="size-4" />
        </button>
        <div
          role="tablist"
          aria-label="Editor panels"
          aria-orientation={collapsed ? 'vertical' : 'horizontal'}
          className={classNames('flex min-w-0', collapsed ? 'flex-col items-center gap-1 border-t border-zinc-200 pt-1 dark:border-zinc-800' : 'flex-1 px-1')}
        >
          {tabs.map((tab) => (
            <SidePanelTab key={tab.id} tab={tab} isActive={tab.id === active.id} iconOnly={collapsed} onOpen={() => openPanel(tab.id)} />
          ))}
        </div>
      </div>
      {collapsed ? null : (
        <div role="tabpanel" id={`editor-panel-${active.id}`} aria-labelledby={`editor-tab-${active.id}`} className="min-h-0 flex-1 overflow-y-auto">
          <OpenPanelContext.Provider value={openPanel}>{active.render()}</OpenPanelContext.Provider>
        </div>
      )}
    </aside>
  );
}

/** A tab of the side panel: icon over label, or only the icon (named by its label) in the folded strip. */
function SidePanelTab({ tab: { id, label, icon: Icon }, isActive, iconOnly, onOpen }: { tab: EditorPanel; isActive: boolean; iconOnly: boolean; onOpen: () => void }) {
  return (
    <button
      type="button"
      role="tab"
      id={`editor-tab-${id}`}
      aria-selected={isActive}
      {...(iconOnly ? { 'aria-label': label, title: label } : { 'aria-controls': `editor-panel-${id}` })}
      onClick={onOpen}
      className={classNames(
        'transition-colors',
        iconOnly
          ? classNames(
              'flex size-8 items-center justify-center rounded-md',
              isActive
                ? 'bg-violet-50 text-violet-700 dark:bg-violet-500/15 dark:text-violet-300'
                : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
            )
          : classNames(
              '-mb-px flex min-w-0 flex-1 flex-col items-center gap-0.5 border-b-2 px-1 pt-1.5 pb-1 text-[11px] font-medium whitespace-nowrap',
              isActive
                ? 'border-violet-600 text-violet-700 dark:border-violet-400 dark:text-violet-300'
                : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            ),
      )}
    >
      <Icon aria-hidden="true" className="size-4" />
      {iconOnly ? null : label}
    </button>
  );
}
