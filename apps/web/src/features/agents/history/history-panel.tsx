import { executionStatuses, executionTriggers, type Agent, type ExecutionStatus, type ExecutionSummary, type ExecutionTrigger } from '@claraverse/shared';
import { ChevronLeft, ChevronRight, History } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Field } from '../../../components/ui/field';
import { Select } from '../../../components/ui/select';
import { LoadingState } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { useExecutionStats } from '../api/get-execution-stats';
import { useAgentExecutions, type ExecutionFilters } from '../api/list-agent-executions';
import { useOpenEditorPanel } from '../components/agent-editor';
import { useEditorStoreApi } from '../stores/editor-store-context';
import { formatDuration } from '../run/format-duration';
import { RunStatusBadge, runStatusLabel } from '../run/run-status';
import { requestRerun } from '../run/run-store';
import { ExecutionDetails } from './execution-details';
import { ExecutionStatsSummary } from './execution-stats';

/** Runs per page. */
export const historyPageSize = 10;

const triggerLabels: Record<ExecutionTrigger, string> = { manual: 'Manual', api: 'API', schedule: 'Schedule', webhook: 'Webhook', chat: 'Chat' };
const statusOptions = [{ value: '', label: 'All statuses' }, ...executionStatuses.map((status) => ({ value: status, label: runStatusLabel(status) }))];
const triggerOptions = [{ value: '', label: 'All triggers' }, ...executionTriggers.map((trigger) => ({ value: trigger, label: triggerLabels[trigger] }))];

function ExecutionRow({ execution, onOpen }: { execution: ExecutionSummary; onOpen: () => void }) {
  const when = formatDateTime(execution.startedAt);
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        aria-label={`Open the ${triggerLabels[execution.trigger].toLowerCase()} run of ${when}: ${runStatusLabel(execution.status)}`}
        className="grid w-full grid-cols-[6.5rem_1fr_auto] items-center gap-2 px-3 py-2.5 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
      >
        <span>
          <RunStatusBadge status={execution.status} />
        </span>
        <span className="flex min-w-0 flex-col">
          <span className="truncate text-zinc-900 dark:text-zinc-100">{when}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{triggerLabels[execution.trigger]}</span>
        </span>
        <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{execution.durationMs === null ? '—' : formatDuration(execution.durationMs)}</span>
      </button>
    </li>
  );
}

function Filters({ filters, onChange }: { filters: ExecutionFilters; onChange: (filters: ExecutionFilters) => void }) {
  return (
    <div className="grid grid-cols-2 gap-2">
      <Field label="Status">
        {(controlProps) => (
          <Select {...controlProps} options={statusOptions} value={filters.status ?? ''} onChange={(event) => onChange({ ...filters, page: 1, status: (event.target.value || undefined) as ExecutionStatus | undefined })} />
        )}
      </Field>
      <Field label="Trigger">
        {(controlProps) => (
          <Select {...controlProps} options={triggerOptions} value={filters.triggerType ?? ''} onChange={(event) => onChange({ ...filters, page: 1, triggerType: (event.target.value || undefined) as ExecutionTrigger | undefined })} />
        )}
      </Field>
    </div>
  );
}

function ExecutionList({ agentId, filters, onFilters, onOpen }: { agentId: string; filters: ExecutionFilters; onFilters: (filters: ExecutionFilters) => void; onOpen: (id: string) => void }) {
  const executions = useAgentExecutions(agentId, filters);
  const stats = useExecutionStats(agentId);
  const failure = executions.error ?? stats.error;
  if (failure) {
    return (
      <Alert tone="error" title="The run history could not be loaded">
        <p>{describeError(failure)}</p>
        <Button className="mt-2" size="small" variant="secondary" onClick={() => void Promise.all([executions.refetch(), stats.refetch()])}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!executions.data || !stats.data) return <LoadingState label="Loading the runs…" />;
  const { total, page, limit } = executions.data;
  const pageCount = Math.max(1, Math.ceil(total / limit));
  const isFiltered = filters.status !== undefined || filters.triggerType !== undefined;
  if (stats.data.total === 0) {
    return <EmptyState icon={<History aria-hidden="true" className="size-6" />} title="No runs yet" description="Runs of this agent from the Run tab, the API, schedules and webhooks show up here." />;
  }
  return (
    <div className="flex flex-col gap-3">
      <ExecutionStatsSummary stats={stats.data} executions={executions.data.executions} />
      <Filters filters={filters} onChange={onFilters} />
      {executions.data.executions.length === 0 ? (
        <p className="py-4 text-center text-sm text-zinc-600 dark:text-zinc-400">{isFiltered ? 'No runs match these filters.' : 'No runs on this page.'}</p>
      ) : (
        <ul aria-label="Runs" className="flex flex-col divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {executions.data.executions.map((execution) => (
            <ExecutionRow key={execution.id} execution={execution} onOpen={() => onOpen(execution.id)} />
          ))}
        </ul>
      )}
      <nav aria-label="Pages of runs" className="flex items-center justify-between gap-2">
        <Button variant="secondary" size="small" disabled={page <= 1} icon={<ChevronLeft aria-hidden="true" className="size-3.5" />} onClick={() => onFilters({ ...filters, page: page - 1 })}>
          Newer
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          Page {page} of {pageCount} · {total} {total === 1 ? 'run' : 'runs'}
        </span>
        <Button variant="secondary" size="small" disabled={!executions.data.hasMore} onClick={() => onFilters({ ...filters, page: page + 1 })}>
          Older
          <ChevronRight aria-hidden="true" className="size-3.5" />
        </Button>
      </nav>
    </div>
  );
}

/**
 * The History tab: the agent's runs (status, trigger, time, duration) with status and trigger filters and
 * paging, its success rate and average duration over a small chart; open a run to see its recorded statuses on
 * the canvas and each block's inputs and outputs, and run it again with the same input (on the Run tab).
 */
export function HistoryPanel({ agent }: { agent: Agent }) {
  const editor = useEditorStoreApi();
  const openPanel = useOpenEditorPanel();
  const [filters, setFilters] = useState<ExecutionFilters>({ page: 1, limit: historyPageSize });
  const [openId, setOpenId] = useState<string | undefined>();

  if (openId !== undefined) {
    return (
      <ExecutionDetails
        executionId={openId}
        onBack={() => {
          setOpenId(undefined);
          editor.getState().resetStatuses();
        }}
        onRerun={(input) => {
          requestRerun(agent.id, input);
          openPanel('run');
        }}
      />
    );
  }
  return (
    <div className="p-4">
      <ExecutionList agentId={agent.id} filters={filters} onFilters={setFilters} onOpen={setOpenId} />
    </div>
  );
}
