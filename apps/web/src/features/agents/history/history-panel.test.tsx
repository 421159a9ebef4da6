import type { ExecutionRecord, ExecutionSummary } from '@claraverse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { History, Play } from 'lucide-react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { AgentEditor } from '../components/agent-editor';
import { RunPanel } from '../run/run-panel';
import { canvasStatus, setUpRunPanelTests, testAgent } from '../run/run-panel-test-setup';
import { branchingWorkflow } from '../test/workflow-fixtures';
import { HistoryPanel } from './history-panel';

const { lastSocket } = setUpRunPanelTests();
const agent = testAgent;

function summary(id: string, status: ExecutionSummary['status'], trigger: ExecutionSummary['trigger'], durationMs: number, minute: number): ExecutionSummary {
  return {
    id, agentId: 'agent-1', trigger, status, workflowVersion: 3, input: { score: minute }, output: status === 'completed' ? { happy: `yes ${minute}` } : null,
    error: status === 'failed' ? { code: 'upstream_unavailable', message: 'The provider did not answer.' } : null,
    startedAt: `2026-03-04T10:${String(minute).padStart(2, '0')}:00.000Z`, completedAt: `2026-03-04T10:${String(minute).padStart(2, '0')}:02.000Z`, durationMs,
  };
}

const allRuns = [
  summary('run-3', 'failed', 'api', 400, 30),
  summary('run-2', 'completed', 'manual', 1_500, 20),
  summary('run-1', 'completed', 'schedule', 2_500, 10),
];

const recordOfRun2: ExecutionRecord = {
  ...allRuns[1]!,
  blocks: {
    start: { blockId: 'start', name: 'start', type: 'variable', status: 'completed', inputs: null, output: { value: { score: 20 } }, error: null, startedAt: '2026-03-04T10:20:00.000Z', completedAt: '2026-03-04T10:20:00.010Z', attempts: 1, retryHistory: [] },
    classify: { blockId: 'classify', name: 'classify', type: 'condition', status: 'completed', inputs: { score: 20 }, output: { result: true, branch: 'true' }, error: null, startedAt: '2026-03-04T10:20:00.010Z', completedAt: '2026-03-04T10:20:00.030Z', attempts: 1, retryHistory: [] },
    happy: { blockId: 'happy', name: 'happy', type: 'output', status: 'completed', inputs: null, output: 'yes 20', error: null, startedAt: '2026-03-04T10:20:00.030Z', completedAt: '2026-03-04T10:20:01.500Z', attempts: 1, retryHistory: [] },
    sad: { blockId: 'sad', name: 'sad', type: 'output', status: 'skipped', inputs: null, output: null, error: null, startedAt: null, completedAt: null, attempts: 0, retryHistory: [] },
  },
};

/** The executions API over `allRuns`, filtering and paging (2 per page) like the server. */
function startFakeHistoryApi() {
  return createFakeFetch({
    'GET /api/agents/agent-1/executions': (request) => {
      const status = request.query.get('status');
      const trigger = request.query.get('triggerType');
      const page = Number(request.query.get('page') ?? 1);
      const matching = allRuns.filter((run) => (!status || run.status === status) && (!trigger || run.trigger === trigger));
      const executions = matching.slice((page - 1) * 2, page * 2);
      return jsonResponse({ executions, total: matching.length, page, limit: 2, hasMore: page * 2 < matching.length });
    },
    'GET /api/agents/agent-1/executions/stats': () =>
      jsonResponse({ total: 3, successCount: 2, failedCount: 1, successRate: 2 / 3, byStatus: { completed: { count: 2, avgDurationMs: 2_000 }, failed: { count: 1, avgDurationMs: 400 } } }),
    'GET /api/executions/run-2': () => jsonResponse(recordOfRun2),
  });
}

function renderHistory() {
  const api = startFakeHistoryApi();
  vi.stubGlobal('fetch', api.fetch);
  renderWithProviders(
    <div style={{ width: 1280, height: 800 }}>
      <AgentEditor
        workflow={branchingWorkflow()}
        onSave={vi.fn()}
        panels={[
          { id: 'run', label: 'Run', icon: Play, keepOnSelect: true, render: () => <RunPanel agent={agent} /> },
          { id: 'history', label: 'History', icon: History, render: () => <HistoryPanel agent={agent} /> },
        ]}
        initialPanel="history"
      />
    </div>,
  );
  return { api, user: userEvent.setup() };
}


describe('HistoryPanel', () => {
  it('shows the success rate, the average duration and a chart of the listed runs, filters by status and trigger, and pages', async () => {
    const { api, user } = renderHistory();
    const stats = await screen.findByRole('region', { name: 'Run statistics' });
    expect(within(stats).getByText('67 %')).toBeTruthy();
    // (2 × 2 000 + 1 × 400) / 3 ms.
    expect(within(stats).getByText('1.5 s')).toBeTruthy();
    const chart = within(stats).getByRole('img', { name: /^Durations of the 2 runs listed, longest 1.5 s$/ });
    expect([...chart.querySelectorAll('rect')].map((bar) => bar.getAttribute('data-status'))).toEqual(['completed', 'failed']);
    expect(Number(chart.querySelectorAll('rect')[0]!.getAttribute('height'))).toBeGreaterThan(Number(chart.querySelectorAll('rect')[1]!.getAttribute('height')));

    const runs = screen.getByRole('list', { name: 'Runs' });
    expect(within(runs).getAllByRole('button').map((row) => row.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Open the api run of .*: Failed$/),
      expect.stringMatching(/^Open the manual run of .*: Completed$/),
    ]);
    expect(screen.getByText('Page 1 of 2 · 3 runs')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(screen.getByText('Page 2 of 2 · 3 runs')).toBeTruthy());
    expect(within(screen.getByRole('list', { name: 'Runs' })).getAllByRole('button')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Older' }).hasAttribute('disabled')).toBe(true);

    await user.selectOptions(screen.getByLabelText('Status'), 'completed');
    await waitFor(() => expect(screen.getByText('Page 1 of 1 · 2 runs')).toBeTruthy());
    expect(api.requests.at(-1)?.url).toBe('/api/agents/agent-1/executions?page=1&limit=10&status=completed');
    await user.selectOptions(screen.getByLabelText('Trigger'), 'webhook');
    await waitFor(() => expect(screen.getByText('No runs match these filters.')).toBeTruthy());
    expect(api.requests.at(-1)?.query.get('triggerType')).toBe('webhook');
  });

  it('opens a run: its statuses on the canvas, each block\'s record, and runs it again with the same input on the Run tab', async () => {
    const { user } = renderHistory();
    await user.click(await screen.findByRole('button', { name: /^Open the manual run of/ }));
    await screen.findByText('Run again with this input');
    expect(canvasStatus('classify')).toBe('Status: Completed');
    expect(canvasStatus('sad')).toBe('Status: Skipped');
    expect(within(screen.getByRole('region', { name: 'Output happy' })).getByText('yes 20')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /^classify: Done/ }));
    const details = screen.getByRole('region', { name: 'Result of classify' });
    expect(within(details).getByText('in 20 ms', { exact: false })).toBeTruthy();
    expect(within(details).getByText('"true"')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Run again with this input' }));
    expect(screen.getByRole('tab', { name: 'Run' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(lastSocket().runs()).toEqual([{ type: 'workflow.run', agentId: 'agent-1', input: { score: 20 } }]));
    expect((screen.getByLabelText('Run input (JSON)') as HTMLTextAreaElement).value).toBe('{\n  "score": 20\n}');
    // The Run tab shows its own (new) run: the recorded statuses are gone from the canvas.
    expect(canvasStatus('sad')).toBeUndefined();
  });
});
