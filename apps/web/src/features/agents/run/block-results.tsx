import { classNames } from '../../../lib/class-names';
import { formatDuration } from './format-duration';
import { OutputValue } from './output-value';
import { BlockStatusIcon, blockStatusLabel, describeRunError, shownBlockStatus } from './run-status';
import type { BlockResult } from './run-store';

function durationOf(result: BlockResult): string | undefined {
  if (result.startedAt === undefined || result.endedAt === undefined) return undefined;
  return formatDuration(result.endedAt - result.startedAt);
}

/** What the result views need of a block (a workflow block, or one named by a recorded run). */
export interface NamedBlock {
  id: string;
  name: string;
}

interface BlockResultListProps {
  blocks: readonly NamedBlock[];
  results: Record<string, BlockResult>;
  selectedBlockId: string | undefined;
  onSelect: (blockId: string) => void;
}

/** Every block of the run in workflow order with its status and time; choosing one selects it on the canvas. */
export function BlockResultList({ blocks, results, selectedBlockId, onSelect }: BlockResultListProps) {
  return (
    <ul aria-label="Blocks of this run" className="flex flex-col divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {blocks.map((block) => {
        const result = results[block.id] ?? { status: 'pending' as const };
        const status = shownBlockStatus(result);
        const duration = durationOf(result);
        return (
          <li key={block.id}>
            <button
              type="button"
              aria-pressed={selectedBlockId === block.id}
              aria-label={`${block.name}: ${blockStatusLabel(status)}${duration === undefined ? '' : `, ${duration}`}`}
              onClick={() => onSelect(block.id)}
              className={classNames(
                'flex w-full items-center gap-2 px-3 py-2 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60',
                selectedBlockId === block.id && 'bg-violet-50 dark:bg-violet-950/40',
              )}
            >
              <BlockStatusIcon status={status} />
              <span className="min-w-0 flex-1 truncate text-zinc-900 dark:text-zinc-100">{block.name}</span>
              <span className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{duration ?? blockStatusLabel(status)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** What one block received, produced or failed with, and how long it took. */
export function BlockResultDetails({ block, result }: { block: NamedBlock; result: BlockResult | undefined }) {
  if (result === undefined || result.status === 'pending') {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{block.name}</span> has not run in this run.
      </p>
    );
  }
  const duration = durationOf(result);
  const status = shownBlockStatus(result);
  return (
    <section aria-label={`Result of ${block.name}`} className="flex flex-col gap-3">
      <div className="flex items-center gap-2">
        <BlockStatusIcon status={status} />
        <h4 className="min-w-0 flex-1 truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100">{block.name}</h4>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {blockStatusLabel(status)}
          {duration === undefined ? '' : ` in ${duration}`}
        </span>
      </div>
      {result.error ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
          {describeRunError(result.error)}
        </p>
      ) : null}
      {result.inputs !== undefined ? (
        <div>
          <h5 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Inputs</h5>
          <OutputValue value={result.inputs} label={`Inputs of ${block.name}`} />
        </div>
      ) : null}
      {result.output !== undefined ? (
        <div>
          <h5 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Output</h5>
          <OutputValue value={result.output} label={`Output of ${block.name}`} />
        </div>
      ) : null}
    </section>
  );
}
