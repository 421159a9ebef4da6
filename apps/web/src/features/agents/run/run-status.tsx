import type { ExecutionError, ExecutionStatus } from '@claraverse/shared';
import { Ban, CircleCheck, CircleDashed, CircleX, LoaderCircle, TriangleAlert, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { classNames } from '../../../lib/class-names';
import type { BlockResult } from './run-store';

const runStatusLook: Record<ExecutionStatus, { label: string; tone: BadgeTone }> = {
  running: { label: 'Running', tone: 'accent' },
  completed: { label: 'Completed', tone: 'success' },
  partial: { label: 'Partly done', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** A run's status as a coloured label. */
export function RunStatusBadge({ status }: { status: ExecutionStatus }) {
  const look = runStatusLook[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

export function runStatusLabel(status: ExecutionStatus): string {
  return runStatusLook[status].label;
}

/** How a block's status reads: a block the cancel stopped before it started was simply not run. */
export type ShownBlockStatus = BlockResult['status'] | 'not-run';

export function shownBlockStatus(result: BlockResult): ShownBlockStatus {
  return result.status === 'cancelled' && result.startedAt === undefined ? 'not-run' : result.status;
}

const blockStatusLook: Record<ShownBlockStatus, { label: string; Icon: LucideIcon; className: string }> = {
  pending: { label: 'Waiting', Icon: CircleDashed, className: 'text-zinc-400 dark:text-zinc-500' },
  running: { label: 'Running', Icon: LoaderCircle, className: 'animate-spin text-violet-600 dark:text-violet-400' },
  completed: { label: 'Done', Icon: CircleCheck, className: 'text-emerald-600 dark:text-emerald-400' },
  failed: { label: 'Failed', Icon: CircleX, className: 'text-red-600 dark:text-red-400' },
  skipped: { label: 'Skipped', Icon: Ban, className: 'text-zinc-400 dark:text-zinc-500' },
  cancelled: { label: 'Cancelled', Icon: TriangleAlert, className: 'text-amber-600 dark:text-amber-400' },
  'not-run': { label: 'Not run', Icon: CircleDashed, className: 'text-zinc-400 dark:text-zinc-500' },
};

export function blockStatusLabel(status: ShownBlockStatus): string {
  return blockStatusLook[status].label;
}

/** A block's status as an icon with its name for screen readers. */
export function BlockStatusIcon({ status }: { status: ShownBlockStatus }) {
  const { label, Icon, className } = blockStatusLook[status];
  return <Icon role="img" aria-label={label} className={classNames('size-4 shrink-0', className)} />;
}

/** A run's error as a sentence with what to do about it. */
export function describeRunError(error: ExecutionError): string {
  if (/upstream|provider|ECONN|ETIMEDOUT|EAI_AGAIN|UND_ERR/i.test(error.code)) {
    return `The AI provider did not answer: ${error.message} If it keeps happening, check the provider in Admin → Providers.`;
  }
  if (/INPUT_INVALID|validation_failed/i.test(error.code)) return `The input does not fit this agent: ${error.message}`;
  if (/TIMEOUT/i.test(error.code)) return `A block took too long: ${error.message}`;
  return error.message;
}
