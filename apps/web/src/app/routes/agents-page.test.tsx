import type { Agent } from '@claraverse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../test/fake-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { rememberOpenedAgent } from '../../features/agents/lib/recent-agents';
import { AgentsPage } from './agents-page';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function buildAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'agent-1', name: 'News digest', description: 'Summarises the morning news.', status: 'draft', settings: {}, hasWorkflow: true,
    blockCount: 3, workflowVersion: 2, createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:30:00.000Z', ...overrides,
  };
}

/**
 * The agents API over an in-memory list, with the contract's rules the page relies on: pages of `limit` from
 * `offset` with `hasMore`, a blank name refused with `validation_failed` on `body.name`, 204 on delete.
 */
function startFakeAgentsApi(initial: Agent[] = []) {
  const agents = [...initial];
  let nextId = 1;
  return createFakeFetch({
    'GET /api/agents': (request) => {
      const limit = Number(request.query.get('limit'));
      const offset = Number(request.query.get('offset'));
      const page = agents.slice(offset, offset + limit);
      return jsonResponse({ agents: page, total: agents.length, limit, offset, hasMore: offset + page.length < agents.length });
    },
    'POST /api/agents': (request) => {
      const body = request.body as { name: string; description: string };
      if (body.name.trim() === '') return errorResponse(400, 'validation_failed', 'Invalid body', { details: [{ path: 'body.name', message: 'Too short' }] });
      const agent = buildAgent({ id: `new-${nextId++}`, name: body.name, description: body.description, blockCount: 0, hasWorkflow: false, workflowVersion: 0 });
      agents.unshift(agent);
      return jsonResponse({ agent }, 201);
    },
    'POST /api/agents/:id/duplicate': (request) => {
      const source = agents.find((agent) => agent.id === request.params.id);
      if (!source) return errorResponse(404, 'not_found', 'No such agent');
      const agent = buildAgent({ ...source, id: `copy-${nextId++}`, name: `${source.name} (copy)`, status: 'draft', lastRun: null });
      agents.unshift(agent);
      return jsonResponse({ agent }, 201);
    },
    'DELETE /api/agents/:id': (request) => {
      const index = agents.findIndex((agent) => agent.id === request.params.id);
      if (index < 0) return errorResponse(404, 'not_found', 'No such agent');
      agents.splice(index, 1);
      return jsonResponse(null, 204);
    },
  });
}

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
}

function renderAgentsPage() {
  return renderWithProviders(
    <>
      <Routes>
        <Route path="/agents" element={<AgentsPage />} />
        <Route path="/agents/:agentId" element={<p>Editor</p>} />
      </Routes>
      <LocationProbe />
    </>,
    { path: '/agents' },
  );
}

const rowNames = () => screen.getAllByTestId('agent-row').map((row) => within(row).getByRole('link').textContent);

describe('AgentsPage', () => {
  it('says it is loading, then shows the empty state with a way to create the first agent', async () => {
    vi.stubGlobal('fetch', startFakeAgentsApi().fetch);
    renderAgentsPage();
    expect(screen.getByRole('status').textContent).toContain('Loading your agents…');
    expect(await screen.findByText('No agents yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create your first agent' })).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('lists every page of agents with status, block count and last update, linking to their editor', async () => {
    const many = Array.from({ length: 101 }, (_, index) => buildAgent({ id: `a-${index}`, name: `Agent ${index}`, blockCount: index === 0 ? 1 : 4 }));
    const api = startFakeAgentsApi([buildAgent({ status: 'deployed' }), ...many]);
    vi.stubGlobal('fetch', api.fetch);
    renderAgentsPage();
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(102));
    expect(api.requestsTo('GET /api/agents').map((request) => request.query.get('offset'))).toEqual(['0', '100']);

    const first = screen.getAllByTestId('agent-row')[0]!;
    expect(within(first).getByRole('link', { name: 'News digest' }).getAttribute('href')).toBe('/agents/agent-1');
    expect(first.textContent).toContain('Deployed');
    expect(first.textContent).toContain('Summarises the morning news.');
    expect(first.textContent).toContain('3 blocks · updated');
    expect(screen.getAllByTestId('agent-row')[1]!.textContent).toContain('1 block · updated');
  });

  it('filters by name or description and says when nothing matches', async () => {
    vi.stubGlobal('fetch', startFakeAgentsApi([buildAgent(), buildAgent({ id: 'agent-2', name: 'Invoice reader', description: 'Reads PDF invoices' })]).fetch);
    renderAgentsPage();
    const search = await screen.findByRole('searchbox', { name: 'Search agents' });
    const user = userEvent.setup();
    await user.type(search, 'pdf');
    expect(rowNames()).toEqual(['Invoice reader']);
    await user.clear(search);
    await user.type(search, 'NEWS morning');
    expect(rowNames()).toEqual(['News digest']);
    await user.clear(search);
    await user.type(search, 'weather');
    expect(screen.queryAllByTestId('agent-row')).toHaveLength(0);
    expect(screen.getByText('No agent matches “weather”')).toBeTruthy();
  });

  it('shows a failed load as a sentence and loads again on "Try again"', async () => {
    let isBroken = true;
    const api = startFakeAgentsApi([buildAgent()]);
    vi.stubGlobal('fetch', createFakeFetch({
      'GET /api/agents': (request) => (isBroken ? errorResponse(500, 'internal', 'stack trace at line 3') : api.fetch(request.url)),
    }).fetch);
    renderAgentsPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The agents could not be loaded');
    expect(alert.textContent).not.toContain('stack trace');
    isBroken = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('agent-row')).toBeTruthy();
  });

  it('creates an agent from its name and description, then opens its editor', async () => {
    const api = startFakeAgentsApi();
    vi.stubGlobal('fetch', api.fetch);
    renderAgentsPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New agent' }));
    const dialog = screen.getByRole('dialog', { name: 'New agent' });
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }));
    expect(within(dialog).getByText('Give the agent a name.')).toBeTruthy();
    expect(api.requestsTo('POST /api/agents')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), '  Weekly report ');
    await user.type(within(dialog).getByLabelText('Description'), 'Sums up the week');
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/agents/new-1'));
    expect(api.requestsTo('POST /api/agents').map((request) => request.body)).toEqual([{ name: 'Weekly report', description: 'Sums up the week' }]);
  });

  it('deletes an agent only after confirming', async () => {
    const api = startFakeAgentsApi([buildAgent(), buildAgent({ id: 'agent-2', name: 'Invoice reader' })]);
    vi.stubGlobal('fetch', api.fetch);
    renderAgentsPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete Invoice reader' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete Invoice reader?' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requestsTo('DELETE /api/agents/agent-2')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete Invoice reader' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete Invoice reader?' })).getByRole('button', { name: 'Delete agent' }));
    await waitFor(() => expect(rowNames()).toEqual(['News digest']));
    expect(api.requestsTo('DELETE /api/agents/agent-2')).toHaveLength(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows each agent\'s last run, or that it never ran', async () => {
    const lastRun = { executionId: 'e-9', status: 'failed' as const, startedAt: '2026-03-03T08:00:00.000Z' };
    vi.stubGlobal('fetch', startFakeAgentsApi([buildAgent({ lastRun }), buildAgent({ id: 'agent-2', name: 'Fresh', lastRun: null })]).fetch);
    renderAgentsPage();
    await waitFor(() => expect(screen.getAllByTestId('agent-row')).toHaveLength(2));
    const [ran, fresh] = screen.getAllByTestId('agent-row');
    expect(ran!.textContent).toMatch(/last run failed/);
    expect(fresh!.textContent).toContain('never run');
  });

  it('duplicates an agent and opens the copy', async () => {
    const api = startFakeAgentsApi([buildAgent()]);
    vi.stubGlobal('fetch', api.fetch);
    renderAgentsPage();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Duplicate News digest' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/agents/copy-1'));
    expect(api.requestsTo('POST /api/agents/agent-1/duplicate')).toHaveLength(1);
  });

  it('links the agents opened last on this browser, newest first, skipping deleted ones', async () => {
    const agents = ['a', 'b', 'c', 'd', 'e'].map((id) => buildAgent({ id, name: `Agent ${id.toUpperCase()}` }));
    for (const id of ['gone', 'b', 'd']) rememberOpenedAgent(id);
    vi.stubGlobal('fetch', startFakeAgentsApi(agents).fetch);
    renderAgentsPage();
    const recent = await screen.findByRole('navigation', { name: 'Recently opened agents' });
    expect(within(recent).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['Agent D', '/agents/d'], ['Agent B', '/agents/b']]);
    await userEvent.setup().type(screen.getByRole('searchbox', { name: 'Search agents' }), 'agent');
    expect(screen.queryByRole('navigation', { name: 'Recently opened agents' })).toBeNull();
  });
});
