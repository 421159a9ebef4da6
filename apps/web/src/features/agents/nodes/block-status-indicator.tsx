import { CircleCheck, CircleSlash, CircleX, LoaderCircle } from 'lucide-react';
import type { BlockRunStatus } from '../stores/editor-store';

const statusLabels: Record<BlockRunStatus, string> = {
  idle: 'Not run',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  skipped: 'Skipped',
};

/** The status slot of a block on the canvas: empty while idle, then running / completed / failed / skipped. */
export function BlockStatusIndicator({ status }: { status: BlockRunStatus }) {
  const label = `Status: ${statusLabels[status]}`;
  const className = 'size-4 shrink-0';
  switch (status) {
    case 'running':
      return <LoaderCircle role="img" aria-label={label} className={`${className} animate-spin text-violet-600 dark:text-violet-400`} />;
    case 'completed':
      return <CircleCheck role="img" aria-label={label} className={`${className} text-emerald-600 dark:text-emerald-400`} />;
    case 'failed':
      return <CircleX role="img" aria-label={label} className={`${className} text-red-600 dark:text-red-400`} />;
    case 'skipped':
      return <CircleSlash role="img" aria-label={label} className={`${className} text-zinc-400 dark:text-zinc-500`} />;
    default:
      return <span aria-hidden="true" className={className} />;
  }
}
