import type { ExecutionStats, ExecutionStatus, ExecutionSummary } from '@claraverse/shared';
import { formatDateTime } from '../../../lib/format-date';
import { formatDuration } from '../run/format-duration';
import { runStatusLabel } from '../run/run-status';

/** The average duration over every status that has one, weighted by its count; undefined without any. */
export function averageDuration(stats: ExecutionStats): number | undefined {
  let total = 0;
  let count = 0;
  for (const entry of Object.values(stats.byStatus)) {
    if (entry.avgDurationMs === null || entry.count === 0) continue;
    total += entry.avgDurationMs * entry.count;
    count += entry.count;
  }
  return count === 0 ? undefined : total / count;
}

const barColours: Record<ExecutionStatus, string> = {
  completed: 'fill-emerald-500 dark:fill-emerald-400',
  partial: 'fill-amber-500 dark:fill-amber-400',
  failed: 'fill-red-500 dark:fill-red-400',
  cancelled: 'fill-zinc-400 dark:fill-zinc-500',
  running: 'fill-violet-500 dark:fill-violet-400',
};

const chartWidth = 360;
const chartHeight = 64;

/** Durations of the runs listed (oldest left), coloured by status: a small SVG chart, no chart library. */
export function DurationChart({ executions }: { executions: readonly ExecutionSummary[] }) {
  const runs = [...executions].reverse();
  if (runs.length === 0) return null;
  const longest = Math.max(1, ...runs.map((run) => run.durationMs ?? 0));
  const slot = chartWidth / Math.max(runs.length, 10);
  const barWidth = Math.max(2, slot * 0.7);
  return (
    <svg
      role="img"
      aria-label={`Durations of the ${runs.length} runs listed, longest ${formatDuration(longest)}`}
      viewBox={`0 0 ${chartWidth} ${chartHeight}`}
      preserveAspectRatio="none"
      className="h-16 w-full"
    >
      <line x1={0} x2={chartWidth} y1={chartHeight - 0.5} y2={chartHeight - 0.5} className="stroke-zinc-200 dark:stroke-zinc-800" />
      {runs.map((run, index) => {
        const height = Math.max(2, ((run.durationMs ?? 0) / longest) * (chartHeight - 4));
        return (
          <rect key={run.id} data-status={run.status} x={index * slot + (slot - barWidth) / 2} y={chartHeight - height} width={barWidth} height={height} rx={1.5} className={barColours[run.status]}>
            <title>{`${formatDateTime(run.startedAt)} · ${runStatusLabel(run.status)} · ${run.durationMs === null ? 'no duration' : formatDuration(run.durationMs)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-lg font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">{value}</dd>
    </div>
  );
}

/** Success rate, average duration and run count of the agent, over the chart of the listed runs. */
export function ExecutionStatsSummary({ stats, executions }: { stats: ExecutionStats; executions: readonly ExecutionSummary[] }) {
  const average = averageDuration(stats);
  return (
    <section aria-label="Run statistics" className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <dl className="grid grid-cols-3 gap-2">
        <Figure label="Success rate" value={stats.total === 0 ? '—' : `${Math.round(stats.successRate * 100)} %`} />
        <Figure label="Average duration" value={average === undefined ? '—' : formatDuration(average)} />
        <Figure label="Runs" value={String(stats.total)} />
      </dl>
      <DurationChart executions={executions} />
    </section>
  );
}
