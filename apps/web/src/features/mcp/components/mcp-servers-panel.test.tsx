import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse } from '../../../test/fake-fetch';
import { connectingPollMilliseconds } from '../api/mcp-paths';
import { buildMcpServer, everythingTools, renderMcpPages, startFakeMcpApi } from '../test-support';

const rowOf = (name: string) => screen.getAllByTestId('mcp-server-row').find((row) => within(row).queryByRole('link', { name }))!;

describe('McpServersPanel', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lists the servers with their status and tool count, and the last error of one in error', async () => {
    const api = startFakeMcpApi([
      { server: buildMcpServer({ id: 'a', name: 'Everything', toolCount: 13 }) },
      { server: buildMcpServer({ id: 'b', name: 'Broken', status: 'error', lastError: 'spawn nope ENOENT', toolCount: 0 }) },
      { server: buildMcpServer({ id: 'c', name: 'Remote', transport: 'http', command: null, args: [], url: 'https://mcp.example.com/mcp', enabled: false, status: 'disabled', toolCount: 1, allowedRoles: ['admin'] }) },
    ]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages();

    await screen.findByRole('link', { name: 'Everything' });
    expect(within(rowOf('Everything')).getByTestId('mcp-status').textContent).toBe('connected');
    expect(rowOf('Everything').textContent).toContain('13 tools');
    expect(within(rowOf('Broken')).getByTestId('mcp-status').textContent).toBe('error');
    expect(rowOf('Broken').textContent).toContain('spawn nope ENOENT');
    expect(within(rowOf('Remote')).getByTestId('mcp-status').textContent).toBe('disabled');
    expect(rowOf('Remote').textContent).toContain('1 tool');
    expect(rowOf('Remote').textContent).toContain('Administrators only');
    expect(rowOf('Remote').textContent).toContain('https://mcp.example.com/mcp');
    expect(within(rowOf('Remote')).getByRole('button', { name: 'Enable' })).toBeTruthy();
  });

  it('shows an empty state, and a failed load as a sentence', async () => {
    vi.stubGlobal('fetch', startFakeMcpApi([]).fetch);
    const { unmount } = renderMcpPages();
    expect(await screen.findByText('No MCP servers yet')).toBeTruthy();
    unmount();

    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/admin/mcp-servers': () => errorResponse(500, 'internal', 'boom at line 3') }).fetch);
    renderMcpPages();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Something went wrong on our side. Try again, and tell your administrator if it keeps happening.');
  });

  it('asks again while a server is connecting, and stops once none is', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a', status: 'connecting' }) }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages();
    await screen.findByRole('link', { name: 'Everything' });
    expect(screen.getByTestId('mcp-status').textContent).toBe('connecting');

    api.settle('a', { tools: everythingTools });
    await vi.advanceTimersByTimeAsync(connectingPollMilliseconds);
    await waitFor(() => expect(screen.getByTestId('mcp-status').textContent).toBe('connected'));
    expect(screen.getByText('2 tools')).toBeTruthy();

    const listRequests = api.requestsTo('GET /api/admin/mcp-servers').length;
    await vi.advanceTimersByTimeAsync(connectingPollMilliseconds * 3);
    expect(api.requestsTo('GET /api/admin/mcp-servers')).toHaveLength(listRequests);
  });

  it('adds a stdio server, then opens it and shows it connect with its tools', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = startFakeMcpApi([]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });

    await user.click(await screen.findByRole('button', { name: 'Add server' }));
    await user.type(screen.getByLabelText('Name'), 'Everything');
    await user.type(screen.getByLabelText('Command'), 'node');
    await user.type(screen.getByLabelText('Arguments'), 'everything/dist/index.js{Enter}stdio');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.type(screen.getByLabelText('variable 1 name'), 'API_TOKEN');
    await user.type(screen.getByLabelText('variable 1 value'), 's3cret');
    await user.click(screen.getByLabelText('Administrators'));
    await user.click(screen.getByRole('button', { name: 'Add server' }));

    await screen.findByText('Connecting and discovering tools…');
    expect(api.requestsTo('POST /api/admin/mcp-servers')[0]?.body).toEqual({
      name: 'Everything', transport: 'stdio', command: 'node', args: ['everything/dist/index.js', 'stdio'], env: { API_TOKEN: 's3cret' },
      enabled: true, allowedRoles: ['user'],
    });
    expect(screen.getByText('Discovering tools…')).toBeTruthy();

    api.settle('new-1', { tools: everythingTools });
    await vi.advanceTimersByTimeAsync(connectingPollMilliseconds);
    const tools = await screen.findAllByTestId('mcp-tool');
    expect(tools.map((tool) => tool.textContent)).toEqual([
      'echoeverything__echoEchoes back the input',
      'addeverything__addAdds two numbers',
    ]);
    expect(screen.getByTestId('mcp-status').textContent).toBe('connected');
    expect(screen.getByText('Tools (2)')).toBeTruthy();
  });

  it('shows the server’s sentence when the name is taken, and keeps the form', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ name: 'Everything' }) }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add server' }));
    await user.type(screen.getByLabelText('Name'), 'Everything');
    await user.click(screen.getByLabelText(/Remote server/));
    await user.type(screen.getByLabelText('URL'), 'https://mcp.example.com/mcp');
    await user.click(screen.getByRole('button', { name: 'Add server' }));

    expect((await screen.findByRole('alert')).textContent).toBe('An MCP server called "Everything" already exists.');
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('https://mcp.example.com/mcp');
  });

  it('does not call the API when the form is incomplete', async () => {
    const api = startFakeMcpApi([]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add server' }));
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(await screen.findByText('Give the server a name.')).toBeTruthy();
    expect(screen.getByText('A stdio server needs the command that starts it')).toBeTruthy();
    expect(screen.getByLabelText('Command').getAttribute('aria-invalid')).toBe('true');
    expect(api.requestsTo('POST /api/admin/mcp-servers')).toHaveLength(0);
  });
});
