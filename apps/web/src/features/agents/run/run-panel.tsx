import type { Agent } from '@claraverse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Play, Sparkles, Square } from 'lucide-react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { useSaveAgentWorkflow } from '../api/agent-workflow';
import { agentsQueryKeys } from '../api/agents-paths';
import { useGenerateSampleInput } from '../api/generate-sample-input';
import type { EditorStore } from '../stores/editor-store';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { BlockResultDetails, BlockResultList } from './block-results';
import { formatDuration } from './format-duration';
import { RunOutput } from './output-value';
import { draftOfInput, inputOfDraft, inputTypeOf, jsonProblem, RunInputForm, startBlockOf, type InputDraft } from './run-input-form';
import { describeRunError, RunStatusBadge, runStatusLabel } from './run-status';
import { attachEditor, idleRun, setDraft, showStatusesOnCanvas, takePendingRerun, updateRun, useRunStore, type AgentRun } from './run-store';
import { cancelRun, startRun, workflowClient, workflowConnectionState } from './workflow-connection';

const emptyDraft: InputDraft = { text: '' };

function ConnectionBanner({ run }: { run: AgentRun }) {
  const state = useSyncExternalStore(workflowConnectionState.subscribe, workflowConnectionState.get, workflowConnectionState.get);
  if (state === 'reconnecting') {
    return (
      <Alert tone="info" title="Connection lost — reconnecting…">
        <p>{run.phase === 'running' || run.phase === 'cancelling' ? 'The run goes on on the server; its progress shows again once the connection is back.' : 'Runs start once the connection is back.'}</p>
      </Alert>
    );
  }
  if (state === 'offline') {
    return (
      <Alert tone="error" title="Not connected to the server">
        <p>Check your connection, or sign in again if your session ended.</p>
        <Button className="mt-2" size="small" variant="secondary" onClick={() => workflowClient().connect()}>
          Reconnect
        </Button>
      </Alert>
    );
  }
  return null;
}

function RunSummary({ run, blockCount }: { run: AgentRun; blockCount: number }) {
  const finished = Object.values(run.blocks).filter((block) => block.status !== 'running' && block.status !== 'pending').length;
  if (run.phase === 'saving') return <p className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300"><Spinner /> Saving your changes…</p>;
  if (run.phase === 'starting' || run.phase === 'running' || run.phase === 'cancelling') {
    return (
      <div className="flex flex-col gap-1.5" aria-live="polite">
        <p className="flex items-center gap-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">
          <Spinner />
          {run.phase === 'starting' ? 'Starting…' : run.phase === 'cancelling' ? 'Cancelling…' : `Running · ${finished} of ${blockCount} blocks done`}
        </p>
        <div role="progressbar" aria-label="Run progress" aria-valuemin={0} aria-valuemax={blockCount} aria-valuenow={finished} className="h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div className="h-full bg-violet-600 transition-[width] dark:bg-violet-400" style={{ width: `${blockCount === 0 ? 0 : Math.round((finished / blockCount) * 100)}%` }} />
        </div>
        {run.isCatchingUp ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Reading the run’s progress from the server…</p> : null}
      </div>
    );
  }
  if (run.phase !== 'ended') return null;
  if (run.status === undefined) {
    return (
      <Alert tone="error" title="The run could not start">
        <p>{run.error ? describeRunError(run.error) : 'The server refused the run.'}</p>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p role="status" aria-label={`Run ${runStatusLabel(run.status).toLowerCase()}`} className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <RunStatusBadge status={run.status} />
        {run.durationMs === undefined ? null : <span>in {formatDuration(run.durationMs)}</span>}
      </p>
      {run.error && run.status !== 'cancelled' ? (
        <Alert tone="error" title={run.status === 'partial' ? 'Some blocks failed' : 'The run failed'}>
          <p>{describeRunError(run.error)}</p>
        </Alert>
      ) : null}
    </div>
  );
}

/** Whether an ended run has an output to show (a cancelled or failed run usually has none). */
function hasOutput(run: AgentRun): boolean {
  if (run.status === undefined || run.output === undefined || run.output === null) return false;
  if (run.status === 'completed') return true;
  return typeof run.output !== 'object' || Object.keys(run.output).length > 0;
}

/** Why a save before the run failed, in the editor's words. */
function saveProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed' && error.message) return error.message;
  return describeError(error);
}

/** Keeps the panel and the canvas in step with the agent's run: statuses back on the canvas, a re-run from History, History refreshed. */
function useRunPanelSync(agentId: string, editor: EditorStore, run: AgentRun): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    attachEditor(agentId, editor);
    // Back on this tab: the canvas shows this run again (History may have shown another).
    const current = useRunStore.getState().runs[agentId];
    if (current !== undefined && current.phase !== 'idle') showStatusesOnCanvas(editor, current.blocks);
    else editor.getState().resetStatuses();
    workflowClient().connect();
  }, [agentId, editor]);

  // The run History asked for: fill the form with its input and start it.
  useEffect(() => {
    const pending = takePendingRerun(agentId);
    if (pending === undefined) return;
    setDraft(agentId, draftOfInput(inputTypeOf(startBlockOf(editor.getState().workflow)), pending.input));
    startRun(agentId, pending.input);
  }, [agentId, editor]);

  // A finished run is a new row in History.
  useEffect(() => {
    if (run.phase === 'ended' && run.status !== undefined) void queryClient.invalidateQueries({ queryKey: agentsQueryKeys.executions(agentId) });
  }, [agentId, queryClient, run.phase, run.status]);
}

/** The input form, the sample button and Run / Cancel; unsaved changes are saved before the run starts. */
function RunStarter({ agentId, run }: { agentId: string; run: AgentRun }) {
  const editor = useEditorStoreApi();
  const workflow = useEditorStore((state) => state.workflow);
  const isDirty = useEditorStore((state) => state.isDirty);
  const problemCount = useEditorStore((state) => state.validation.issues.length);
  const draft = useRunStore((state) => state.drafts[agentId] ?? emptyDraft);
  const saveMutation = useSaveAgentWorkflow(agentId);
  const sampleMutation = useGenerateSampleInput(agentId);
  const [saveError, setSaveError] = useState<string | undefined>();
  const startBlock = startBlockOf(workflow);
  const inputType = inputTypeOf(startBlock);
  const isBusy = run.phase === 'saving' || run.phase === 'starting' || run.phase === 'running' || run.phase === 'cancelling';
  const inputProblem = inputType === 'json' ? jsonProblem(draft.text) : undefined;

  const onRun = async () => {
    setSaveError(undefined);
    const input = inputOfDraft(inputType, draft);
    if (editor.getState().isDirty) {
      const saving = editor.getState().workflow;
      updateRun(agentId, { phase: 'saving' });
      try {
        await saveMutation.mutateAsync(saving);
      } catch (error) {
        updateRun(agentId, { phase: 'idle' });
        setSaveError(saveProblem(error));
        return;
      }
      if (editor.getState().workflow === saving) editor.getState().markSaved();
    }
    startRun(agentId, input);
  };

  const onSample = async () => {
    try {
      const sample = await sampleMutation.mutateAsync();
      setDraft(agentId, draftOfInput(inputType, sample.input));
    } catch {
      // Shown from the mutation's error below.
    }
  };

  return (
    <section aria-label="Start a run" className="flex flex-col gap-3">
      {startBlock === undefined ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This agent has no start block, so it runs without input.</p>
      ) : (
        <RunInputForm type={inputType} draft={draft} onChange={(next) => setDraft(agentId, next)} isDisabled={isBusy} />
      )}
      {startBlock !== undefined && inputType !== 'file' ? (
        <Button variant="ghost" size="small" className="w-fit" icon={<Sparkles aria-hidden="true" className="size-3.5" />} isLoading={sampleMutation.isPending} disabled={isBusy} onClick={() => void onSample()}>
          Generate sample input
        </Button>
      ) : null}
      {sampleMutation.error ? <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">No sample input: {describeError(sampleMutation.error)}</p> : null}
      <div className="flex items-center gap-2">
        {isBusy && run.phase !== 'saving' ? (
          <Button variant="danger" icon={<Square aria-hidden="true" className="size-4" />} disabled={run.phase === 'cancelling'} onClick={() => cancelRun(agentId)}>
            Cancel run
          </Button>
        ) : (
          <Button icon={<Play aria-hidden="true" className="size-4" />} isLoading={run.phase === 'saving'} disabled={problemCount > 0 || inputProblem !== undefined} onClick={() => void onRun()}>
            {isDirty ? 'Save and run' : 'Run'}
          </Button>
        )}
        {isDirty && !isBusy ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Your changes are saved first, so the run uses what you see.</p> : null}
      </div>
      {problemCount > 0 ? <p className="text-xs font-medium text-amber-700 dark:text-amber-400">Fix the {problemCount === 1 ? 'problem' : `${problemCount} problems`} on the canvas before running.</p> : null}
      {saveError ? (
        <Alert tone="error" title="Could not save before running">
          <p>{saveError}</p>
        </Alert>
      ) : null}
    </section>
  );
}

/** The run's status, output, and each block's result (the block selected here or on the canvas). */
function RunProgress({ run }: { run: AgentRun }) {
  const editor = useEditorStoreApi();
  const blocks = useEditorStore((state) => state.workflow.blocks);
  const selectedBlockId = useEditorStore((state) => state.selectedBlockIds[0]);
  const selectedBlock = selectedBlockId === undefined ? undefined : blocks.find((block) => block.id === selectedBlockId);
  const hasRun = run.phase !== 'idle' && run.phase !== 'saving';
  return (
    <section aria-label="Run progress" className="flex flex-col gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <RunSummary run={run} blockCount={blocks.length} />
      {hasRun && run.phase === 'ended' && hasOutput(run) ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Output</h3>
          <RunOutput output={run.output} />
        </div>
      ) : null}
      {hasRun && (run.status !== undefined || run.phase !== 'ended') ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Blocks</h3>
          <BlockResultList blocks={blocks} results={run.blocks} selectedBlockId={selectedBlockId} onSelect={(blockId) => editor.getState().select({ blockIds: [blockId], connectionIds: [] })} />
          {selectedBlock === undefined ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">Select a block here or on the canvas to see its inputs and output.</p>
          ) : (
            <BlockResultDetails block={selectedBlock} result={run.blocks[selectedBlock.id]} />
          )}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The Run tab: the input form built from the start block, a generated sample, Run (saving unsaved changes
 * first: the run uses what the canvas shows), live block statuses on the canvas and in a list, the selected
 * block's inputs and output, Cancel, and the run's final output.
 */
export function RunPanel({ agent }: { agent: Agent }) {
  const editor = useEditorStoreApi();
  const run = useRunStore((state) => state.runs[agent.id] ?? idleRun);
  useRunPanelSync(agent.id, editor, run);
  return (
    <div className="flex flex-col gap-4 p-4">
      <ConnectionBanner run={run} />
      <RunStarter agentId={agent.id} run={run} />
      {run.phase !== 'idle' ? <RunProgress run={run} /> : null}
    </div>
  );
}
