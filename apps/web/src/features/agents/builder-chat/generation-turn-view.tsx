import { Circle, CircleCheck, CircleX, RotateCcw } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { classNames } from '../../../lib/class-names';
import type { GenerationTurn, TurnFailure } from './builder-turn';
import { namedProblemsLimit } from './describe-turn-failure';
import { SetupRequiredPanel } from './setup-required-panel';
import { ViewVersionButton } from './view-version-button';

type StepState = 'waiting' | 'running' | 'done' | 'failed';

function StepIcon({ state }: { state: StepState }) {
  if (state === 'running') return <Spinner className="size-4 text-violet-600 dark:text-violet-400" />;
  if (state === 'done') return <CircleCheck aria-hidden="true" className="size-4 text-emerald-600 dark:text-emerald-400" />;
  if (state === 'failed') return <CircleX aria-hidden="true" className="size-4 text-red-600 dark:text-red-400" />;
  return <Circle aria-hidden="true" className="size-4 text-zinc-300 dark:text-zinc-600" />;
}

function Step({ state, label, children }: { state: StepState; label: string; children?: ReactNode }) {
  return (
    <li data-state={state} className="flex gap-2">
      <span className="mt-0.5 flex shrink-0">
        <StepIcon state={state} />
      </span>
      <div className="min-w-0 flex-1">
        <p className={classNames('text-sm font-medium', state === 'waiting' ? 'text-zinc-500 dark:text-zinc-500' : 'text-zinc-900 dark:text-zinc-100')}>{label}</p>
        {children}
      </div>
    </li>
  );
}

/** The failure of a turn as a sentence with a retry; a long list of a 422's problems unfolds below it. */
export function TurnFailureView({ failure, onRetry, canRetry }: { failure: TurnFailure; onRetry: () => void; canRetry: boolean }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
      <p>{failure.message}</p>
      {failure.problems.length > namedProblemsLimit ? (
        <details className="mt-1.5">
          <summary className="cursor-pointer text-xs font-medium">All {failure.problems.length} problems</summary>
          <ul aria-label="Problems" className="mt-1 list-disc pl-5 text-red-800 dark:text-red-300">
            {failure.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <Button className="mt-2" variant="secondary" size="small" icon={<RotateCcw aria-hidden="true" className="size-3.5" />} onClick={onRetry} disabled={!canRetry}>
        Try again
      </Button>
    </div>
  );
}

/** What was fixed automatically in the model's answers, folded away. */
function Repairs({ repairs }: { repairs: readonly string[] }) {
  if (repairs.length === 0) return null;
  return (
    <details className="group text-xs text-zinc-500 dark:text-zinc-400">
      <summary className="cursor-pointer select-none hover:text-zinc-700 dark:hover:text-zinc-200">
        {repairs.length === 1 ? '1 automatic fix' : `${repairs.length} automatic fixes`}
      </summary>
      <ul aria-label="Automatic fixes" className="mt-1 list-disc pl-5">
        {repairs.map((repair, index) => (
          <li key={index}>{repair}</li>
        ))}
      </ul>
    </details>
  );
}

function stepStates(turn: GenerationTurn): [StepState, StepState] {
  switch (turn.status) {
    case 'selecting':
      return ['running', 'waiting'];
    case 'generating':
      return ['done', 'running'];
    case 'done':
      return ['done', 'done'];
    case 'failed':
      return turn.failedStep === 'select' ? ['failed', 'waiting'] : ['done', 'failed'];
  }
}

function selectionLabel(turn: GenerationTurn, state: StepState): string {
  if (state === 'running') return 'Choosing tools…';
  if (state === 'failed') return 'Choosing tools failed';
  const count = turn.selection?.selectedTools.length ?? 0;
  if (count === 0) return 'No tools needed';
  return count === 1 ? 'Chose 1 tool' : `Chose ${count} tools`;
}

function generationLabel(turn: GenerationTurn, state: StepState): string {
  if (state === 'waiting') return 'Generate the workflow';
  if (state === 'running') return 'Generating the workflow…';
  if (state === 'failed') return 'Generating the workflow failed';
  const result = turn.result!;
  return `${result.action === 'create' ? 'Workflow created' : 'Workflow changed'} · saved as version ${result.version}`;
}

interface GenerationTurnViewProps {
  turn: GenerationTurn;
  onRetry: () => void;
  canRetry: boolean;
}

/**
 * A Builder-mode answer: the generator's two steps as they happen (tools chosen, with reasons; the workflow
 * generated), then the explanation, repairs, setup required, or the failure with a retry.
 */
export function GenerationTurnView({ turn, onRetry, canRetry }: GenerationTurnViewProps) {
  const [selectState, generateState] = stepStates(turn);
  const tools = turn.selection?.selectedTools ?? [];
  const repairs = [...(turn.selection?.repairs ?? []), ...(turn.result?.repairs ?? [])];
  return (
    <div className="flex flex-col gap-3">
      <ol aria-label="Generation steps" aria-busy={turn.status === 'selecting' || turn.status === 'generating'} className="flex flex-col gap-2.5">
        <Step state={selectState} label={selectionLabel(turn, selectState)}>
          {tools.length > 0 ? (
            <ul aria-label="Chosen tools" className="mt-1.5 flex flex-col gap-1.5">
              {tools.map((tool) => (
                <li key={tool.toolId} className="rounded-md border border-zinc-200 bg-white px-2.5 py-1.5 dark:border-zinc-700 dark:bg-zinc-900">
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" title={tool.toolId}>
                      {tool.name}
                    </span>
                    <Badge>{tool.category.replaceAll('_', ' ')}</Badge>
                  </span>
                  {tool.reason ? <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{tool.reason}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Step>
        <Step state={generateState} label={generationLabel(turn, generateState)} />
      </ol>
      {turn.result ? (
        <>
          {turn.result.explanation.trim() ? <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{turn.result.explanation.trim()}</p> : null}
          {turn.includedUnsavedEdits ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Your unsaved edits were included and saved with this version.</p> : null}
          <SetupRequiredPanel items={turn.result.setupRequired} />
          <ViewVersionButton version={turn.result.version} className="-my-1 -ml-2 self-start" />
        </>
      ) : null}
      <Repairs repairs={repairs} />
      {turn.status === 'failed' && turn.failure ? <TurnFailureView failure={turn.failure} onRetry={onRetry} canRetry={canRetry} /> : null}
      {turn.isUnrecorded ? <p className="text-xs text-zinc-500 dark:text-zinc-400">Not saved in the conversation history.</p> : null}
    </div>
  );
}
