import type { Agent } from '@claraverse/shared';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installReactFlowStubs, removeReactFlowStubs } from '../../features/agents/test/react-flow-stubs';
import { branchingWorkflow } from '../../features/agents/test/workflow-fixtures';
import { createFakeFetch, errorResponse, jsonResponse } from '../../test/fake-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { AgentEditorPage } from './agent-editor-page';

beforeAll(installReactFlowStubs);
afterAll(removeReactFlowStubs);
afterEach(() => vi.unstubAllGlobals());

const agent: Agent = {
  id: 'agent-1', name: 'News digest', description: '', status: 'draft', settings: {}, hasWorkflow: true, blockCount: 4, workflowVersion: 3,
  createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:30:00.000Z',
};

/** The agent, its workflow, and a save that answers `saveAnswer` (the server's 200 by default). */
function startFakeAgentApi(saveAnswer?: () => Response) {
  return createFakeFetch({
    'GET /api/agents/agent-1': () => jsonResponse({ agent }),
    'GET /api/agents/agent-1/workflow': () => jsonResponse({ agentId: 'agent-1', workflow: branchingWorkflow(), version: 3, updatedAt: agent.updatedAt }),
    'PUT /api/agents/agent-1/workflow': (request) =>
      saveAnswer?.() ?? jsonResponse({ agentId: 'agent-1', workflow: request.body, version: 4, updatedAt: '2026-03-03T08:00:00.000Z' }),
    'GET /api/agents': () => jsonResponse({ agents: [agent], total: 1, limit: 100, offset: 0, hasMore: false }),
  });
}

function renderEditorPage(path = '/agents/agent-1') {
  return renderWithProviders(
    <div style={{ width: 1280, height: 800 }}>
      <Routes>
        <Route path="/agents/:agentId" element={<AgentEditorPage />} />
      </Routes>
    </div>,
    { path },
  );
}

const clickNode = (name: string) => fireEvent.click(screen.getByText(name, { selector: '.react-flow__node p.font-semibold' }).closest('.react-flow__node')!);

describe('AgentEditorPage', () => {
  it('loads the agent and its workflow, with its name and a link back, and saves edits through the API', async () => {
    const api = startFakeAgentApi();
    vi.stubGlobal('fetch', api.fetch);
    renderEditorPage();
    expect(screen.getByRole('status').textContent).toContain('Loading the agent…');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('News digest');
    expect(screen.getByRole('link', { name: 'Back to agents' }).getAttribute('href')).toBe('/agents');

    const user = userEvent.setup();
    clickNode('happy');
    await user.type(screen.getByLabelText('Value'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.requestsTo('PUT /api/agents/agent-1/workflow')).toHaveLength(1));
    const body = api.requestsTo('PUT /api/agents/agent-1/workflow')[0]!.body as { blocks: { id: string; config: Record<string, unknown> }[]; connections: unknown[]; variables: unknown[] };
    expect(body.blocks.find((block) => block.id === 'happy')?.config['value']).toBe('yes {{input.score}}!');
    expect(body.connections).toEqual(branchingWorkflow().connections);
    await waitFor(() => expect(screen.queryByText(/unsaved changes/)).toBeNull());
  });

  it('shows the server\'s account of an invalid workflow in the editor and keeps the edits unsaved', async () => {
    const problem = 'The workflow has 1 problem(s): Block "happy" has an empty value.';
    const issue = { code: 'INVALID_CONFIG', message: 'Block "happy" has an empty value.', blockIds: ['happy'] };
    vi.stubGlobal('fetch', startFakeAgentApi(() => errorResponse(400, 'validation_failed', problem, { details: { blockIds: ['happy'], issues: [issue] } })).fetch);
    renderEditorPage();
    await screen.findByRole('heading', { level: 1 });
    const user = userEvent.setup();
    clickNode('happy');
    await user.type(screen.getByLabelText('Value'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Could not save: ${problem}`);
    expect(screen.getByText(/unsaved changes/)).toBeTruthy();
    // The server's problem is shown on the block it names.
    expect(screen.getByTitle(issue.message).textContent).toBe('1 issue');
  });

  it('says when the agent does not exist', async () => {
    vi.stubGlobal('fetch', startFakeAgentApi().fetch);
    renderEditorPage('/agents/missing');
    expect((await screen.findByRole('alert')).textContent).toContain('This agent does not exist');
    expect(screen.getByRole('link', { name: 'Agents' })).toBeTruthy();
  });
});
