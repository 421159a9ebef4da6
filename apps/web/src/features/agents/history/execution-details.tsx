import type { ExecutionRecord } from '@claraverse/shared';
import { ArrowLeft, RotateCw } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { useExecution } from '../api/get-execution';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { BlockResultDetails, BlockResultList, type NamedBlock } from '../run/block-results';
import { formatDuration } from '../run/format-duration';
import { OutputValue, RunOutput } from '../run/output-value';
import { describeRunError, RunStatusBadge } from '../run/run-status';
import { blocksOfRecord, showStatusesOnCanvas } from '../run/run-store';

/** The recorded blocks in the workflow's order (blocks since removed from the workflow come last, by name). */
function recordedBlocks(record: ExecutionRecord, workflowBlocks: readonly NamedBlock[]): NamedBlock[] {
  const inWorkflow = workflowBlocks.filter((block) => record.blocks[block.id] !== undefined);
  const known = new Set(inWorkflow.map((block) => block.id));
  const removed = Object.values(record.blocks)
    .filter((block) => !known.has(block.blockId))
    .map((block) => ({ id: block.blockId, name: block.name }));
  return [...inWorkflow, ...removed];
}

function Recorded({ record, onRerun }: { record: ExecutionRecord; onRerun: (input: unknown) => void }) {
  const editor = useEditorStoreApi();
  const workflowBlocks = useEditorStore((state) => state.workflow.blocks);
  const results = useMemo(() => blocksOfRecord(record), [record]);
  const blocks = useMemo(() => recordedBlocks(record, workflowBlocks), [record, workflowBlocks]);
  const [shownBlockId, setShownBlockId] = useState<string | undefined>();
  const shownBlock = blocks.find((block) => block.id === shownBlockId);

  // The recorded statuses on the canvas while this run is open.
  useEffect(() => showStatusesOnCanvas(editor, results), [editor, results]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700 dark:text-zinc-300">
        <RunStatusBadge status={record.status} />
        <span className="capitalize">{record.trigger}</span>
        <span aria-hidden="true">·</span>
        <span>{formatDateTime(record.startedAt)}</span>
        {record.durationMs === null ? null : (
          <>
            <span aria-hidden="true">·</span>
            <span>{formatDuration(record.durationMs)}</span>
          </>
        )}
      </div>
      {record.error && record.status !== 'cancelled' ? (
        <Alert tone="error" title="What went wrong">
          <p>{describeRunError(record.error)}</p>
        </Alert>
      ) : null}
      <div>
        <h3 className="mb-1.5 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Input</h3>
        <OutputValue value={record.input ?? null} label="Input of this run" />
      </div>
      <Button variant="secondary" size="small" className="w-fit" icon={<RotateCw aria-hidden="true" className="size-3.5" />} onClick={() => onRerun(record.input)}>
        Run again with this input
      </Button>
      {record.output !== null && record.output !== undefined ? (
        <div>
          <h3 className="mb-1.5 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Output</h3>
          <RunOutput output={record.output} />
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Blocks</h3>
        <BlockResultList blocks={blocks} results={results} selectedBlockId={shownBlockId} onSelect={(blockId) => setShownBlockId(blockId === shownBlockId ? undefined : blockId)} />
        {shownBlock === undefined ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Choose a block to see what it received and produced in this run.</p>
        ) : (
          <BlockResultDetails block={shownBlock} result={results[shownBlock.id]} />
        )}
      </div>
    </div>
  );
}

/** One past run: its statuses on the canvas, its input and output, each block's record, and a re-run. */
export function ExecutionDetails({ executionId, onBack, onRerun }: { executionId: string; onBack: () => void; onRerun: (input: unknown) => void }) {
  const query = useExecution(executionId);
  return (
    <div className="flex flex-col gap-3 p-4">
      <Button variant="ghost" size="small" className="w-fit" icon={<ArrowLeft aria-hidden="true" className="size-3.5" />} onClick={onBack}>
        All runs
      </Button>
      {query.error ? (
        <Alert tone="error" title="This run could not be loaded">
          <p>{describeError(query.error)}</p>
        </Alert>
      ) : query.data ? (
        <Recorded record={query.data} onRerun={onRerun} />
      ) : (
        <LoadingState label="Loading the run…" />
      )}
    </div>
  );
}
