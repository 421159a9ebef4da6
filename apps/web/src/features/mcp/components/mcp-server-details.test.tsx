import { maskedSecretValue } from '@claraverse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMcpServer, everythingTools, renderMcpPages, startFakeMcpApi } from '../test-support';

afterEach(() => vi.unstubAllGlobals());

describe('McpServerDetails', () => {
  it('shows the discovered tools, the last error and the recent errors', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a', env: { API_TOKEN: maskedSecretValue } }), tools: everythingTools }]);
    api.settle('a', { error: 'MCP error -32000: Connection closed' });
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');

    expect((await screen.findByRole('heading', { name: 'Everything' })).tagName).toBe('H2');
    expect(screen.getByTestId('mcp-status').textContent).toBe('error');
    const lastError = screen.getByRole('alert');
    expect(within(lastError).getByText('Last error')).toBeTruthy();
    expect(lastError.textContent).toContain('MCP error -32000: Connection closed');
    expect(screen.getByRole('heading', { name: 'Recent errors' })).toBeTruthy();
    expect(screen.getByText('node everything/dist/index.js stdio')).toBeTruthy();
    // Env names are shown, their values never are.
    expect(screen.getByText('API_TOKEN')).toBeTruthy();
    expect(screen.getByText('No tools')).toBeTruthy();
  });

  it('lists the tools of a connected server with the names the model calls', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a' }) }]);
    api.settle('a', { tools: everythingTools });
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');
    const list = await screen.findByRole('list', { name: 'Tools of Everything' });
    expect(within(list).getByText('everything__echo')).toBeTruthy();
    expect(within(list).getByText('Adds two numbers')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables and enables the server with PATCH { enabled }', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a' }) }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(screen.getByTestId('mcp-status').textContent).toBe('disabled'));
    expect(api.requestsTo('PATCH /api/admin/mcp-servers/a')[0]?.body).toEqual({ enabled: false });
    expect(screen.getByText('Enable the server to connect to it and discover its tools.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(screen.getByTestId('mcp-status').textContent).toBe('connecting'));
    expect(api.requestsTo('PATCH /api/admin/mcp-servers/a')[1]?.body).toEqual({ enabled: true });
  });

  it('edits a server: a stored variable shows “set”, is kept unless replaced, and its value never reaches the page', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a', env: { API_TOKEN: maskedSecretValue, REGION: maskedSecretValue } }), secrets: { API_TOKEN: 'old-token', REGION: 'eu' } }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));

    expect(screen.getAllByText('set')).toHaveLength(2);
    expect((screen.getByLabelText('variable 1 name') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('variable 1 value') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('variable 2 value'), 'us');
    await user.click(screen.getByRole('button', { name: 'Save server' }));

    await screen.findByText('Connecting and discovering tools…');
    expect(api.requestsTo('PATCH /api/admin/mcp-servers/a')[0]?.body).toMatchObject({ env: { API_TOKEN: maskedSecretValue, REGION: 'us' } });
    expect(api.secretsOf('a')).toEqual({ API_TOKEN: 'old-token', REGION: 'us' });
    expect(document.body.textContent).not.toContain('old-token');
  });

  it('shows a server-side field problem beside the field and as a sentence', async () => {
    // The stored value vanished meanwhile (another admin removed it): the mask can no longer keep it.
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a', env: { API_TOKEN: maskedSecretValue } }), secrets: {} }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.click(screen.getByRole('button', { name: 'Save server' }));

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      'There is no stored value of variable "API_TOKEN" to keep; enter its value.',
      'API_TOKEN: Enter the value',
    ]);
  });

  it('deletes after confirmation and goes back to the list', async () => {
    const api = startFakeMcpApi([{ server: buildMcpServer({ id: 'a', toolCount: 13 }) }]);
    vi.stubGlobal('fetch', api.fetch);
    renderMcpPages('/admin/mcp-servers/a');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Everything?' });
    expect(dialog.textContent).toContain('13 tools disappear');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.requestsTo('DELETE /api/admin/mcp-servers/a')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete server' }));
    expect(await screen.findByText('No MCP servers yet')).toBeTruthy();
    expect(api.requestsTo('DELETE /api/admin/mcp-servers/a')).toHaveLength(1);
    expect(api.requestsTo('GET /api/admin/mcp-servers/a')).toHaveLength(1);
  });

  it('says so, with a way back, when the server does not exist', async () => {
    vi.stubGlobal('fetch', startFakeMcpApi([]).fetch);
    renderMcpPages('/admin/mcp-servers/gone');
    expect((await screen.findByRole('alert')).textContent).toBe('No MCP server with id gone.');
    expect(screen.getByRole('link', { name: 'All MCP servers' })).toBeTruthy();
  });
});
