import type { Block, ErrorPolicy, RetryPolicy, Workflow, WorkflowIssue } from '@claraverse/engine';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { inferLayoutDirection, layoutBlocks, type LayoutDirection } from '../lib/auto-layout';
import { validateEditorWorkflow, type EditorValidation } from '../lib/validate-editor-workflow';
import * as edits from '../lib/workflow-edits';

/** A block's state in a run, shown in its status slot (the run panel sets it). */
export type BlockRunStatus = 'idle' | 'running' | 'completed' | 'failed' | 'skipped';

/** Block fields other than config that the settings panel edits. */
export interface BlockSettingsPatch {
  description?: string | undefined;
  timeoutSeconds?: number | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  onError?: ErrorPolicy | undefined;
}

/** How many undo steps are kept. */
export const historyLimit = 100;

export interface EditorState {
  workflow: Workflow;
  /** Lookup of blocks by id, rebuilt on each change (CONVENTIONS §2.19: lookups as Maps). */
  blocksById: ReadonlyMap<string, Block>;
  validation: EditorValidation;
  selectedBlockIds: readonly string[];
  selectedConnectionIds: readonly string[];
  statuses: ReadonlyMap<string, BlockRunStatus>;
  clipboard: edits.BlockClipboard | undefined;
  /** Snapshots before each change (oldest first) and undone ones (most recent last). */
  past: readonly Workflow[];
  future: readonly Workflow[];
  /** Whether the workflow changed since it was loaded or last saved. */
  isDirty: boolean;
  /** The last refused connection, for a message; cleared by the next successful edit. */
  notice: string | undefined;
  /** Which way handles face and automatic layout runs (inferred from the loaded positions). */
  layoutDirection: LayoutDirection;

  addBlock(type: string, position: { x: number; y: number }): string;
  /** Moves blocks; calls while `dragging` coalesce into one undo step that ends when a call has dragging false. */
  moveBlocks(moves: readonly { id: string; position: { x: number; y: number } }[], options: { dragging: boolean }): void;
  renameBlock(blockId: string, name: string): void;
  /** Merges into the block's config; a key set to undefined is removed. Typing in one field is one undo step. */
  updateConfig(blockId: string, patch: Record<string, unknown>): void;
  updateBlock(blockId: string, patch: BlockSettingsPatch): void;
  connect(request: edits.ConnectRequest): edits.ConnectResult;
  deleteBlocks(blockIds: readonly string[]): void;
  deleteConnections(connectionIds: readonly string[]): void;
  deleteSelection(): void;
  select(selection: { blockIds?: readonly string[]; connectionIds?: readonly string[] }): void;
  copySelection(): void;
  /** Pastes the clipboard (new ids, internal connections kept) and selects the copies. */
  paste(): void;
  undo(): void;
  redo(): void;
  /** Lays the blocks out with dagre in `direction` (default: the current one), which becomes the current one. */
  autoLayout(direction?: LayoutDirection): void;
  /**
   * Replaces the whole workflow as one undo step (a generated workflow, a restored version). With `saved` the
   * result counts as saved (it came from the server); selection and run statuses are cleared.
   */
  replaceWorkflow(workflow: Workflow, options?: { saved?: boolean }): void;
  /**
   * Shows problems the server found (a refused save's `details.issues`) on their blocks, next to the editor's own
   * validation, until the next edit re-validates.
   */
  showServerIssues(issues: readonly WorkflowIssue[]): void;
  setBlockStatus(blockId: string, status: BlockRunStatus): void;
  resetStatuses(): void;
  markSaved(): void;
  /** Shows a message over the canvas (a refused connection, a failed save) until the next edit or dismissal. */
  showNotice(message: string): void;
  clearNotice(): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface CreateEditorStoreOptions {
  idFactory?: edits.IdFactory;
}

const defaultIdFactory: edits.IdFactory = () => crypto.randomUUID();

function derived(workflow: Workflow, previous?: EditorValidation): Pick<EditorState, 'workflow' | 'blocksById' | 'validation'> {
  return { workflow, blocksById: new Map(workflow.blocks.map((block) => [block.id, block])), validation: validateEditorWorkflow(workflow, previous) };
}

/** What the action groups share: the store, the commit step and the per-instance bookkeeping. */
interface ActionContext {
  get: () => EditorState;
  set: (partial: Partial<EditorState>) => void;
  commit: (workflow: Workflow, extra?: Partial<EditorState>, key?: string) => void;
  createId: edits.IdFactory;
  /** Not state: which edit the last snapshot belongs to, so the next edit with the same key reuses it. */
  history: { coalesceKey: string | undefined };
  /** How often the current clipboard was pasted, so each paste lands one offset further. */
  clipboard: { pasteCount: number };
}

/**
 * One store per editor instance (CONVENTIONS §2.19), provided through EditorStoreProvider. Every edit goes through
 * `commit`, which snapshots the previous workflow for undo (coalescing repeated edits with the same key, such as
 * one drag or typing in one field) and re-validates with the engine.
 */
export function createEditorStore(initial: Workflow, options: CreateEditorStoreOptions = {}): EditorStore {
  const history = { coalesceKey: undefined as string | undefined };
  return createStore<EditorState>()((set, get) => {
    const commit = (workflow: Workflow, extra: Partial<EditorState> = {}, key?: string): void => {
      const { past, workflow: previous } = get();
      const coalesce = key !== undefined && key === history.coalesceKey;
      history.coalesceKey = key;
      set({
        ...derived(workflow, get().validation),
        past: coalesce ? past : [...past, previous].slice(-historyLimit),
        future: [],
        isDirty: true,
        notice: undefined,
        ...extra,
      });
    };
    const context: ActionContext = { get, set, commit, createId: options.idFactory ?? defaultIdFactory, history, clipboard: { pasteCount: 0 } };
    return {
      ...derived(initial),
      selectedBlockIds: [],
      selectedConnectionIds: [],
      statuses: new Map(),
      clipboard: undefined,
      past: [],
      future: [],
      isDirty: false,
      notice: undefined,
      layoutDirection: inferLayoutDirection(initial.blocks),
      ...editActions(context),
      ...sessionActions(context),
    };
  });
}

type EditActions = Pick<EditorState, 'addBlock' | 'moveBlocks' | 'renameBlock' | 'updateConfig' | 'updateBlock' | 'connect' | 'deleteBlocks' | 'deleteConnections' | 'deleteSelection'>;

/** Actions that change the workflow (each one undo step, or coalesced with the previous one). */
function editActions({ get, set, commit, createId, history }: ActionContext): EditActions {
  const updateBlockWith = (blockId: string, update: (block: Block) => Block, key?: string): void => {
    const { workflow } = get();
    if (!get().blocksById.has(blockId)) return;
    commit({ ...workflow, blocks: workflow.blocks.map((block) => (block.id === blockId ? update(block) : block)) }, {}, key);
  };
  return {
    addBlock(type, position) {
      const { workflow, block } = edits.addBlock(get().workflow, type, position, createId);
      commit(workflow, { selectedBlockIds: [block.id], selectedConnectionIds: [] });
      return block.id;
    },
    moveBlocks(moves, { dragging }) {
      const positions = new Map(moves.map((move) => [move.id, move.position]));
      const { workflow, blocksById } = get();
      const moved = moves.some((move) => {
        const current = blocksById.get(move.id)?.position;
        return current !== undefined && (current.x !== move.position.x || current.y !== move.position.y);
      });
      // A click on a block reports a "drag" that moved nothing: no undo step, no unsaved change.
      if (!moved) {
        if (!dragging) history.coalesceKey = undefined;
        return;
      }
      const key = `move:${[...positions.keys()].sort().join(',')}`;
      commit({ ...workflow, blocks: workflow.blocks.map((block) => (positions.has(block.id) ? { ...block, position: positions.get(block.id)! } : block)) }, {}, key);
      if (!dragging) history.coalesceKey = undefined;
    },
    renameBlock(blockId, name) {
      const next = edits.renameBlock(get().workflow, blockId, name);
      if (next !== get().workflow) commit(next, {}, `name:${blockId}`);
    },
    updateConfig(blockId, patch) {
      updateBlockWith(
        blockId,
        (block) => {
          const config = { ...block.config, ...patch };
          for (const [key, value] of Object.entries(patch)) if (value === undefined) delete config[key];
          return { ...block, config };
        },
        `config:${blockId}:${Object.keys(patch).sort().join(',')}`,
      );
    },
    updateBlock(blockId, patch) {
      updateBlockWith(
        blockId,
        (block) => {
          const next: Block = { ...block, ...patch };
          for (const [key, value] of Object.entries(patch)) if (value === undefined) delete (next as Record<string, unknown>)[key];
          return next;
        },
        `block:${blockId}:${Object.keys(patch).sort().join(',')}`,
      );
    },
    connect(request) {
      const result = edits.connectBlocks(get().workflow, request, createId);
      if (result.ok) commit(result.workflow);
      else set({ notice: result.message });
      return result;
    },
    deleteBlocks(blockIds) {
      const ids = new Set(blockIds.filter((id) => get().blocksById.has(id)));
      if (ids.size === 0) return;
      commit(edits.deleteBlocks(get().workflow, ids), { selectedBlockIds: get().selectedBlockIds.filter((id) => !ids.has(id)) });
    },
    deleteConnections(connectionIds) {
      const ids = new Set(connectionIds);
      if (!get().workflow.connections.some((connection) => ids.has(connection.id))) return;
      commit(edits.deleteConnections(get().workflow, ids), { selectedConnectionIds: get().selectedConnectionIds.filter((id) => !ids.has(id)) });
    },
    deleteSelection() {
      const { selectedBlockIds, selectedConnectionIds, workflow } = get();
      if (selectedBlockIds.length === 0 && selectedConnectionIds.length === 0) return;
      const next = edits.deleteConnections(edits.deleteBlocks(workflow, new Set(selectedBlockIds)), new Set(selectedConnectionIds));
      commit(next, { selectedBlockIds: [], selectedConnectionIds: [] });
    },
  };
}

type SessionActions = Omit<EditorState, keyof EditActions | 'workflow' | 'blocksById' | 'validation' | 'selectedBlockIds' | 'selectedConnectionIds' | 'statuses' | 'clipboard' | 'past' | 'future' | 'isDirty' | 'notice' | 'layoutDirection'>;

/** Selection, clipboard, history, layout and run statuses. */
function sessionActions({ get, set, commit, createId, history, clipboard: pasting }: ActionContext): SessionActions {
  return {
    select({ blockIds, connectionIds }) {
      set({ ...(blockIds === undefined ? {} : { selectedBlockIds: blockIds }), ...(connectionIds === undefined ? {} : { selectedConnectionIds: connectionIds }) });
    },
    copySelection() {
      const { selectedBlockIds, workflow } = get();
      if (selectedBlockIds.length === 0) return;
      pasting.pasteCount = 0;
      set({ clipboard: edits.copyBlocks(workflow, new Set(selectedBlockIds)) });
    },
    paste() {
      const { clipboard, workflow } = get();
      if (clipboard === undefined || clipboard.blocks.length === 0) return;
      pasting.pasteCount += 1;
      const pasted = edits.pasteBlocks(workflow, clipboard, createId, pasting.pasteCount);
      commit(pasted.workflow, { selectedBlockIds: pasted.blockIds, selectedConnectionIds: [] });
    },
    undo() {
      const { past, future, workflow } = get();
      const previous = past[past.length - 1];
      if (previous === undefined) return;
      history.coalesceKey = undefined;
      set({ ...derived(previous, get().validation), past: past.slice(0, -1), future: [...future, workflow], isDirty: true, ...pruneSelection(get(), previous) });
    },
    redo() {
      const { past, future, workflow } = get();
      const next = future[future.length - 1];
      if (next === undefined) return;
      history.coalesceKey = undefined;
      set({ ...derived(next, get().validation), past: [...past, workflow], future: future.slice(0, -1), isDirty: true, ...pruneSelection(get(), next) });
    },
    autoLayout(direction = get().layoutDirection) {
      const { workflow } = get();
      const positions = layoutBlocks(workflow.blocks, workflow.connections, direction);
      commit({ ...workflow, blocks: workflow.blocks.map((block) => ({ ...block, position: positions.get(block.id) ?? block.position })) }, { layoutDirection: direction });
    },
    replaceWorkflow(workflow, { saved = false } = {}) {
      history.coalesceKey = undefined;
      commit(workflow, { selectedBlockIds: [], selectedConnectionIds: [], statuses: new Map(), layoutDirection: inferLayoutDirection(workflow.blocks), isDirty: !saved });
    },
    showServerIssues(issues) {
      const known = new Set(get().validation.issues.map((issue) => issue.message));
      const added = issues.filter((issue) => !known.has(issue.message));
      if (added.length === 0) return;
      const byBlock = new Map(get().validation.byBlock);
      for (const issue of added) for (const blockId of new Set(issue.blockIds)) byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), issue]);
      set({ validation: { issues: [...get().validation.issues, ...added], byBlock } });
    },
    setBlockStatus(blockId, status) {
      set({ statuses: new Map(get().statuses).set(blockId, status) });
    },
    resetStatuses() {
      set({ statuses: new Map() });
    },
    markSaved() {
      set({ isDirty: false });
    },
    showNotice(message) {
      set({ notice: message });
    },
    clearNotice() {
      set({ notice: undefined });
    },
  };
}

function pruneSelection(state: EditorState, workflow: Workflow): Pick<EditorState, 'selectedBlockIds' | 'selectedConnectionIds'> {
  const blockIds = new Set(workflow.blocks.map((block) => block.id));
  const connectionIds = new Set(workflow.connections.map((connection) => connection.id));
  return {
    selectedBlockIds: state.selectedBlockIds.filter((id) => blockIds.has(id)),
    selectedConnectionIds: state.selectedConnectionIds.filter((id) => connectionIds.has(id)),
  };
}
