import type { ExecutionError, ExecutionRecord, ExecutionStatus } from '@claraverse/shared';
import { create } from 'zustand';
import type { BlockRunStatus, EditorStore } from '../stores/editor-store';
import type { InputDraft } from './run-input-form';

/** What a block did in the run on screen (live from the socket, or read back from the record). */
export interface BlockResult {
  status: 'pending' | 'running' | 'completed' | 'failed' | 'skipped' | 'cancelled';
  inputs?: unknown;
  output?: unknown;
  error?: ExecutionError | undefined;
  /** Epoch milliseconds, as the browser saw the events (live) or as recorded. */
  startedAt?: number | undefined;
  endedAt?: number | undefined;
}

/** `starting`: asked the server; `cancelling`: asked to stop, waiting for `execution.end`. */
export type RunPhase = 'idle' | 'saving' | 'starting' | 'running' | 'cancelling' | 'ended';

/** The run of one agent that the run panel shows. */
export interface AgentRun {
  phase: RunPhase;
  executionId?: string | undefined;
  input?: unknown;
  blocks: Record<string, BlockResult>;
  status?: ExecutionStatus | undefined;
  output?: unknown;
  durationMs?: number | undefined;
  /** Why the run failed or could not start, as the server said it. */
  error?: ExecutionError | undefined;
  /** True when socket messages may have been lost (a reconnect) and the record is being read instead. */
  isCatchingUp?: boolean;
}

interface RunStoreState {
  runs: Record<string, AgentRun>;
  /** The editor store of each agent's open editor, so that statuses reach the canvas from any tab. */
  editors: Record<string, EditorStore>;
  /** An input the History tab asked to run again; the run panel picks it up (and clears it) when it opens. */
  pendingRerun: Record<string, { input: unknown }>;
  /** The input form's content per agent. */
  drafts: Record<string, InputDraft>;
}

export const idleRun: AgentRun = { phase: 'idle', blocks: {} };

/** Runs by agent, kept outside the panel so that switching tabs (which unmounts the panel) loses nothing. */
export const useRunStore = create<RunStoreState>(() => ({ runs: {}, editors: {}, pendingRerun: {}, drafts: {} }));

/** The canvas's status for a block status of the run (a cancelled block reads as skipped: it did not finish). */
export function canvasStatus(status: BlockResult['status']): BlockRunStatus {
  if (status === 'pending') return 'idle';
  if (status === 'cancelled') return 'skipped';
  return status;
}

export function runOf(agentId: string): AgentRun {
  return useRunStore.getState().runs[agentId] ?? idleRun;
}

/** Replaces part of an agent's run. */
export function updateRun(agentId: string, patch: Partial<AgentRun> | ((run: AgentRun) => Partial<AgentRun>)): void {
  useRunStore.setState((state) => {
    const current = state.runs[agentId] ?? idleRun;
    const changes = typeof patch === 'function' ? patch(current) : patch;
    return { runs: { ...state.runs, [agentId]: { ...current, ...changes } } };
  });
}

export function attachEditor(agentId: string, editor: EditorStore): void {
  if (useRunStore.getState().editors[agentId] === editor) return;
  useRunStore.setState((state) => ({ editors: { ...state.editors, [agentId]: editor } }));
}

function editorOf(agentId: string): EditorStore | undefined {
  return useRunStore.getState().editors[agentId];
}

/** Starts a fresh run on screen: no block results, every canvas status cleared. */
export function beginRun(agentId: string, input: unknown): void {
  updateRun(agentId, { phase: 'starting', executionId: undefined, input, blocks: {}, status: undefined, output: undefined, durationMs: undefined, error: undefined, isCatchingUp: false });
  editorOf(agentId)?.getState().resetStatuses();
}

/** One `execution.block`: merges the block's result and shows its status on the canvas. */
export function applyBlockEvent(agentId: string, event: { blockId: string; status: BlockResult['status']; inputs?: unknown; output?: unknown; error?: ExecutionError | undefined }, now = Date.now()): void {
  updateRun(agentId, (run) => {
    const previous = run.blocks[event.blockId] ?? { status: 'pending' };
    const next: BlockResult = { ...previous, status: event.status };
    if (event.inputs !== undefined) next.inputs = event.inputs;
    if (event.output !== undefined) next.output = event.output;
    if (event.error !== undefined) next.error = event.error;
    if (event.status === 'running') next.startedAt = now;
    else if (event.status !== 'pending') next.endedAt = now;
    return { blocks: { ...run.blocks, [event.blockId]: next } };
  });
  editorOf(agentId)?.getState().setBlockStatus(event.blockId, canvasStatus(event.status));
}

/** `execution.end` (or the final record): the run's status and output; blocks still running are no longer. */
export function applyRunEnd(agentId: string, end: { status: ExecutionStatus; output: unknown; durationMs: number | null; error?: ExecutionError | null | undefined }): void {
  updateRun(agentId, { phase: 'ended', status: end.status, output: end.output, durationMs: end.durationMs ?? undefined, error: end.error ?? undefined, isCatchingUp: false });
}

/** Block results as a record keeps them (ISO times → epoch milliseconds). */
export function blocksOfRecord(record: ExecutionRecord): Record<string, BlockResult> {
  const blocks: Record<string, BlockResult> = {};
  for (const [blockId, block] of Object.entries(record.blocks)) {
    blocks[blockId] = {
      status: (['pending', 'running', 'completed', 'failed', 'skipped', 'cancelled'].includes(block.status) ? block.status : 'pending') as BlockResult['status'],
      inputs: block.inputs,
      output: block.output,
      error: block.error ?? undefined,
      startedAt: block.startedAt === null ? undefined : Date.parse(block.startedAt),
      endedAt: block.completedAt === null ? undefined : Date.parse(block.completedAt),
    };
  }
  return blocks;
}

/** Shows a recorded run's block statuses on the canvas (a run read back after a reconnect, or from History). */
export function showStatusesOnCanvas(editor: EditorStore | undefined, blocks: Record<string, BlockResult>): void {
  if (!editor) return;
  editor.getState().resetStatuses();
  for (const [blockId, block] of Object.entries(blocks)) editor.getState().setBlockStatus(blockId, canvasStatus(block.status));
}

/** Applies a record read over HTTP to the agent's run (after a reconnect, when socket messages may be lost). */
export function applyRecord(agentId: string, record: ExecutionRecord): void {
  const blocks = blocksOfRecord(record);
  updateRun(agentId, { blocks });
  showStatusesOnCanvas(editorOf(agentId), blocks);
  if (record.status !== 'running') applyRunEnd(agentId, record);
}

/** History asks for a run again with `input`: the run panel starts it when it opens. */
export function requestRerun(agentId: string, input: unknown): void {
  useRunStore.setState((state) => ({ pendingRerun: { ...state.pendingRerun, [agentId]: { input } } }));
}

export function takePendingRerun(agentId: string): { input: unknown } | undefined {
  const pending = useRunStore.getState().pendingRerun[agentId];
  if (pending === undefined) return undefined;
  useRunStore.setState((state) => {
    const rest = { ...state.pendingRerun };
    delete rest[agentId];
    return { pendingRerun: rest };
  });
  return pending;
}

export function setDraft(agentId: string, draft: InputDraft): void {
  useRunStore.setState((state) => ({ drafts: { ...state.drafts, [agentId]: draft } }));
}
