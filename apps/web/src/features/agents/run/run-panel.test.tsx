import type { Workflow } from '@claraverse/engine';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Play } from 'lucide-react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { preloadMarkdownRenderer } from '../../../components/markdown/lazy-markdown-content';
import { renderWithProviders } from '../../../test/render-with-providers';
import { AgentEditor } from '../components/agent-editor';
import { createEditorStore } from '../stores/editor-store';
import { block, branchingWorkflow, connection, counterIds } from '../test/workflow-fixtures';
import { RunPanel } from './run-panel';
import { canvasNode, canvasStatus, setUpRunPanelTests, testAgent } from './run-panel-test-setup';

const { sockets, lastSocket } = setUpRunPanelTests();
const agent = testAgent;

function textWorkflow(): Workflow {
  return {
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'text' }, { name: 'Start' }),
      block('answer', 'transform', { expression: 'input' }, { name: 'Answer' }),
      block('result', 'output', { value: '{{answer}}' }, { name: 'Result' }),
    ],
    connections: [connection('c1', 'start', 'answer'), connection('c2', 'answer', 'result')],
    variables: [],
  };
}

function renderRunPanel(workflow: Workflow, moreRoutes: Parameters<typeof createFakeFetch>[0] = {}) {
  const api = createFakeFetch({
    'POST /api/agents/agent-1/generate-sample-input': () => jsonResponse({ input: 'What is new in solar kettles?' }),
    'PUT /api/agents/agent-1/workflow': (request) => jsonResponse({ agentId: 'agent-1', workflow: request.body, version: 4, updatedAt: '2026-03-03T08:00:00.000Z' }),
    ...moreRoutes,
  });
  vi.stubGlobal('fetch', api.fetch);
  const store = createEditorStore(structuredClone(workflow), { idFactory: counterIds() });
  renderWithProviders(
    <div style={{ width: 1280, height: 800 }}>
      <AgentEditor
        workflow={workflow}
        store={store}
        onSave={vi.fn()}
        panels={[{ id: 'run', label: 'Run', icon: Play, keepOnSelect: true, render: () => <RunPanel agent={agent} /> }]}
        initialPanel="run"
      />
    </div>,
  );
  return { api, store, user: userEvent.setup() };
}


describe('RunPanel', () => {
  it('builds a JSON input from the start block, refuses invalid JSON and sends the parsed value', async () => {
    const { user } = renderRunPanel(branchingWorkflow());
    const input = screen.getByLabelText('Run input (JSON)');
    fireEvent.change(input, { target: { value: '{ "score": ' } });
    expect(screen.getByText(/^This is not valid JSON/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('button', { name: 'Run' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(input, { target: { value: '{ "score": 9 }' } });
    await user.click(screen.getByRole('button', { name: 'Format JSON' }));
    expect((input as HTMLTextAreaElement).value).toBe('{\n  "score": 9\n}');
    expect(screen.queryByRole('button', { name: 'Format JSON' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toEqual([{ type: 'workflow.run', agentId: 'agent-1', input: { score: 9 } }]));
  });

  it('shows each block\'s status on the canvas and in the list from the socket, then the output and a block\'s result', async () => {
    const { user } = renderRunPanel(branchingWorkflow());
    fireEvent.change(screen.getByLabelText('Run input (JSON)'), { target: { value: '{ "score": 9 }' } });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toHaveLength(1));
    const socket = lastSocket();
    socket.receive({ type: 'execution.start', executionId: 'run-1', agentId: 'agent-1' });
    socket.receive({ type: 'execution.block', executionId: 'run-1', blockId: 'start', status: 'completed', output: { value: { score: 9 } } });
    socket.receive({ type: 'execution.block', executionId: 'run-1', blockId: 'classify', status: 'running', inputs: { score: 9 } });
    expect(canvasStatus('start')).toBe('Status: Completed');
    expect(canvasStatus('classify')).toBe('Status: Running');
    expect(screen.getByText('Running · 1 of 4 blocks done')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy();

    socket.receive({ type: 'execution.block', executionId: 'run-1', blockId: 'classify', status: 'completed', output: { result: true, branch: 'true' } });
    socket.receive({ type: 'execution.block', executionId: 'run-1', blockId: 'sad', status: 'skipped' });
    socket.receive({ type: 'execution.block', executionId: 'run-1', blockId: 'happy', status: 'completed', output: 'yes 9' });
    socket.receive({ type: 'execution.end', executionId: 'run-1', status: 'completed', output: { happy: '## Verdict\n\nyes **9**', details: { score: 9, tags: ['a', 'b'] } }, durationMs: 1234 });

    expect(canvasStatus('classify')).toBe('Status: Completed');
    expect(canvasStatus('sad')).toBe('Status: Skipped');
    expect(canvasStatus('happy')).toBe('Status: Completed');
    expect(screen.getByRole('status', { name: 'Run completed' }).textContent).toBe('Completedin 1.2 s');
    expect(screen.getByText('in 1.2 s')).toBeTruthy();
    // Markdown output, rendered by the shared renderer once its chunk has loaded (awaited: under load it takes longer than waitFor's second).
    const markdown = screen.getByRole('region', { name: 'Output happy' });
    await act(() => preloadMarkdownRenderer());
    expect(within(markdown).getByRole('heading', { name: 'Verdict' })).toBeTruthy();
    expect(within(markdown).getByText('9').tagName).toBe('STRONG');
    // JSON output as a tree that folds.
    const tree = screen.getByRole('list', { name: 'Output details' });
    expect(within(tree).getByText('"a"')).toBeTruthy();
    await user.click(within(tree).getByRole('button', { name: /tags/ }));
    expect(within(tree).queryByText('"a"')).toBeNull();
    expect(within(tree).getByRole('button', { name: /tags/ }).getAttribute('aria-expanded')).toBe('false');

    // Selecting a block (here in the list; the canvas does the same) shows what it received and produced.
    await user.click(screen.getByRole('button', { name: /^classify: Done/ }));
    const details = screen.getByRole('region', { name: 'Result of classify' });
    expect(within(details).getByText('Inputs')).toBeTruthy();
    expect(within(details).getByText('"true"')).toBeTruthy();
    fireEvent.click(canvasNode('sad'));
    expect(within(screen.getByRole('list', { name: 'Blocks of this run' })).getByRole('button', { name: 'sad: Skipped' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('cancels a running run over the socket and shows it cancelled', async () => {
    const { user } = renderRunPanel(textWorkflow());
    await user.type(screen.getByLabelText('Run input'), 'hello');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toHaveLength(1));
    const socket = lastSocket();
    socket.receive({ type: 'execution.start', executionId: 'run-2', agentId: 'agent-1' });
    socket.receive({ type: 'execution.block', executionId: 'run-2', blockId: 'answer', status: 'running' });
    await user.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(socket.runs().at(-1)).toEqual({ type: 'workflow.cancel', executionId: 'run-2' });
    expect(screen.getByText('Cancelling…')).toBeTruthy();
    socket.receive({ type: 'execution.block', executionId: 'run-2', blockId: 'answer', status: 'cancelled' });
    socket.receive({ type: 'execution.block', executionId: 'run-2', blockId: 'result', status: 'cancelled' });
    socket.receive({ type: 'execution.end', executionId: 'run-2', status: 'cancelled', output: {}, durationMs: 40, error: { code: 'CANCELLED', message: 'The run was cancelled.' } });
    expect(screen.getByRole('status', { name: 'Run cancelled' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Run progress' })).queryByRole('heading', { name: 'Output' })).toBeNull();
    expect(canvasStatus('Answer')).toBe('Status: Skipped');
    // The block the cancel interrupted reads cancelled; the one it never reached, not run.
    const blocks = screen.getByRole('list', { name: 'Blocks of this run' });
    expect(within(blocks).getByRole('button', { name: /^Answer: Cancelled/ })).toBeTruthy();
    expect(within(blocks).getByRole('button', { name: 'Result: Not run' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run' })).toBeTruthy();
  });

  it('explains a refused run and a provider failure in words', async () => {
    const { user } = renderRunPanel(textWorkflow());
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toHaveLength(1));
    lastSocket().receive({ type: 'error', code: 'validation_failed', message: 'The start block expects a file reference.', details: { agentId: 'agent-1' } });
    expect(screen.getByRole('alert').textContent).toContain('The run could not startThe input does not fit this agent: The start block expects a file reference.');

    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toHaveLength(2));
    lastSocket().receive({ type: 'execution.start', executionId: 'run-3', agentId: 'agent-1' });
    lastSocket().receive({ type: 'execution.end', executionId: 'run-3', status: 'failed', output: {}, durationMs: 5, error: { code: 'upstream_unavailable', message: 'The provider did not answer.' } });
    expect(screen.getByRole('alert').textContent).toContain('The AI provider did not answer: The provider did not answer. If it keeps happening, check the provider in Admin → Providers.');
  });

  it('fills the input with a generated sample', async () => {
    const { api, user } = renderRunPanel(textWorkflow());
    await user.click(screen.getByRole('button', { name: 'Generate sample input' }));
    await waitFor(() => expect((screen.getByLabelText('Run input') as HTMLTextAreaElement).value).toBe('What is new in solar kettles?'));
    expect(api.requestsTo('POST /api/agents/agent-1/generate-sample-input')).toHaveLength(1);
  });

  it('says why no sample input came, and runs an agent without a start block without input', async () => {
    const noStart: Workflow = { blocks: [block('only', 'transform', { expression: '1 + 1' }, { name: 'Only' })], connections: [], variables: [] };
    const { user } = renderRunPanel(noStart);
    expect(screen.getByText('This agent has no start block, so it runs without input.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Generate sample input' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toEqual([{ type: 'workflow.run', agentId: 'agent-1' }]));
  });

  it('explains a failed sample input', async () => {
    const { user } = renderRunPanel(textWorkflow(), {
      'POST /api/agents/agent-1/generate-sample-input': () => errorResponse(503, 'upstream_unavailable', 'The provider is unavailable right now.'),
    });
    await user.click(screen.getByRole('button', { name: 'Generate sample input' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No sample input: A service ClaraVerse depends on is not answering. Try again shortly.');
    expect((screen.getByLabelText('Run input') as HTMLTextAreaElement).value).toBe('');
  });

  it('saves unsaved changes before running, and says why it cannot save', async () => {
    const { api, store, user } = renderRunPanel(textWorkflow());
    act(() => store.getState().renameBlock('answer', 'Reply'));
    await user.click(screen.getByRole('button', { name: 'Save and run' }));
    await waitFor(() => expect(lastSocket()?.runs()).toHaveLength(1));
    const saved = api.requestsTo('PUT /api/agents/agent-1/workflow')[0]!.body as { blocks: Array<{ id: string; name: string }> };
    expect(saved.blocks.find((item) => item.id === 'answer')?.name).toBe('Reply');
    expect(store.getState().isDirty).toBe(false);
    lastSocket().receive({ type: 'execution.start', executionId: 'run-4', agentId: 'agent-1' });
    lastSocket().receive({ type: 'execution.end', executionId: 'run-4', status: 'completed', output: { Result: 'ok' }, durationMs: 5 });

    vi.stubGlobal('fetch', createFakeFetch({ 'PUT /api/agents/agent-1/workflow': () => errorResponse(400, 'validation_failed', 'Block "Reply" has no expression.') }).fetch);
    act(() => store.getState().renameBlock('answer', 'Answer again'));
    await user.click(screen.getByRole('button', { name: 'Save and run' }));
    expect((await screen.findByText('Could not save before running')).closest('[role="alert"]')?.textContent).toContain('Block "Reply" has no expression.');
    expect(lastSocket().runs()).toHaveLength(1);
    expect(store.getState().isDirty).toBe(true);
  });

  it('reconnects after the socket drops and reads the run\'s progress back from the server', async () => {
    const record = {
      id: 'run-5', agentId: 'agent-1', trigger: 'manual', status: 'completed', workflowVersion: 3, input: 'hello', output: { Result: 'all done' }, error: null,
      startedAt: '2026-03-04T10:00:00.000Z', completedAt: '2026-03-04T10:00:01.000Z', durationMs: 1000,
      blocks: Object.fromEntries(['start', 'answer', 'result'].map((blockId) => [blockId, {
        blockId, name: blockId, type: 'x', status: 'completed', inputs: null, output: 'ok', error: null,
        startedAt: '2026-03-04T10:00:00.000Z', completedAt: '2026-03-04T10:00:00.500Z', attempts: 1, retryHistory: [],
      }])),
    };
    const { api, user } = renderRunPanel(textWorkflow(), { 'GET /api/executions/run-5': () => jsonResponse(record) });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(lastSocket().runs()).toHaveLength(1));
    const first = lastSocket();
    first.receive({ type: 'execution.start', executionId: 'run-5', agentId: 'agent-1' });
    first.receive({ type: 'execution.block', executionId: 'run-5', blockId: 'start', status: 'running' });
    act(() => {
      first.readyState = 3;
      first.onclose?.(new CloseEvent('close', { code: 1006 }));
    });
    expect(screen.getByText('Connection lost — reconnecting…')).toBeTruthy();
    // The client reconnects after its backoff; `ready` on the new socket makes the panel read the record.
    await waitFor(() => expect(sockets()).toHaveLength(2), { timeout: 5_000 });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Run completed' })).toBeTruthy());
    expect(api.requestsTo('GET /api/executions/run-5').length).toBeGreaterThan(0);
    expect(canvasStatus('Result')).toBe('Status: Completed');
    expect(within(screen.getByRole('region', { name: 'Output Result' })).getByText('all done')).toBeTruthy();
    expect(screen.queryByText('Connection lost — reconnecting…')).toBeNull();
  });
});
