import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse } from '../../../test/fake-fetch';
import { buildCatalogue, buildCredential, renderCredentialsPanel, startFakeCredentialsApi } from '../test-support';

afterEach(() => vi.unstubAllGlobals());

const cardOf = (name: string) => screen.getAllByTestId('integration-card').find((card) => within(card).queryByRole('heading', { name: new RegExp(`^${name}`) }))!;
const rowOf = (name: string) => screen.getAllByTestId('credential-row').find((row) => within(row).queryByText(name))!;

describe('CredentialsPanel', () => {
  it('says it is loading, then shows an empty list and the catalogue by category in the server\'s order', async () => {
    vi.stubGlobal('fetch', startFakeCredentialsApi().fetch);
    renderCredentialsPanel();
    expect(screen.getByRole('status').textContent).toContain('Loading your credentials…');

    expect(await screen.findByText('No credentials yet')).toBeTruthy();
    // Empty categories are left out; the others keep the API's order.
    const categoryHeadings = screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(categoryHeadings).toEqual(['Communication', 'Custom']);
    expect(within(cardOf('Slack')).getByText('1 tool')).toBeTruthy();
    expect(within(cardOf('Slack')).getByText('No credential yet')).toBeTruthy();
    expect(within(cardOf('Slack')).queryByText('Ready')).toBeNull();
    expect(screen.queryByTestId('ready-summary')).toBeNull();
    expect(within(cardOf('Gmail')).getByRole('button', { name: 'Connect Gmail' })).toBeTruthy();
  });

  it('filters the catalogue by name, description or tool, and says when nothing matches', async () => {
    vi.stubGlobal('fetch', startFakeCredentialsApi().fetch);
    renderCredentialsPanel();
    const search = await screen.findByRole('searchbox', { name: 'Search services' });
    const user = userEvent.setup();
    await user.type(search, 'api_request');
    expect(screen.getAllByTestId('integration-card').map((card) => within(card).getByRole('heading').textContent)).toEqual(['REST API']);
    await user.clear(search);
    await user.type(search, 'slack channel');
    expect(screen.getAllByTestId('integration-card')).toHaveLength(1);
    await user.clear(search);
    await user.type(search, 'fax machine');
    expect(screen.queryAllByTestId('integration-card')).toHaveLength(0);
    expect(screen.getByText('No service matches “fax machine”')).toBeTruthy();
  });

  it('shows a failed load as a sentence and loads again on "Try again"', async () => {
    let isBroken = true;
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', createFakeFetch({
      'GET /api/integrations': (request) => (isBroken ? errorResponse(500, 'internal', 'boom at line 3') : api.fetch(request.url)),
      'GET /api/credentials': (request) => api.fetch(request.url),
      'GET /api/tools/available': (request) => api.fetch(request.url),
    }).fetch);
    renderCredentialsPanel();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The credentials could not be loaded');
    expect(alert.textContent).toContain('Something went wrong on our side.');
    expect(alert.textContent).not.toContain('boom');
    isBroken = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No credentials yet')).toBeTruthy();
  });

  it('lists a credential with its preview, usage and last test, and marks its integration ready', async () => {
    vi.stubGlobal('fetch', startFakeCredentialsApi([
      buildCredential({ usageCount: 3, lastUsedAt: new Date(Date.now() - 5 * 60_000).toISOString(), lastTestAt: '2026-03-01T09:00:00.000Z', testStatus: 'failed', testMessage: 'Slack refused the credential (403): invalid_token' }),
    ]).fetch);
    renderCredentialsPanel();
    const row = await screen.findByTestId('credential-row');
    expect(row.textContent).toContain('Team Slack');
    expect(row.textContent).toContain('https://hooks.slack.…qrstuvwx');
    expect(row.textContent).toContain('Used 3 times · last used 5 min ago');
    const result = within(row).getByTestId('credential-test-result');
    expect(result.dataset.status).toBe('failed');
    expect(result.textContent).toContain('Test failed');
    expect(result.textContent).toContain('Slack refused the credential (403): invalid_token');

    await waitFor(() => expect(within(cardOf('Slack')).queryByText('Ready')).toBeTruthy());
    expect(within(cardOf('Slack')).getByText('1 credential saved')).toBeTruthy();
    expect(within(cardOf('Slack')).getByText('1 tool · 1 ready in chat')).toBeTruthy();
    expect(within(cardOf('REST API')).queryByText('Ready')).toBeNull();
    expect(screen.getByTestId('ready-summary').textContent).toBe('Ready in your chats: 1 tool from Slack.');
  });

  it('tests a credential with a spinner on the button, then shows the service\'s answer', async () => {
    const api = startFakeCredentialsApi([buildCredential()]);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/test')) await gate;
      return api.fetch(input, init);
    });
    renderCredentialsPanel();
    const row = await screen.findByTestId('credential-row');
    const testButton = within(row).getByRole('button', { name: 'Test Team Slack' });
    await userEvent.setup().click(testButton);
    expect(testButton.getAttribute('aria-busy')).toBe('true');
    expect((testButton as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => expect(within(row).getByTestId('credential-test-result').dataset.status).toBe('success'));
    expect(within(row).getByTestId('credential-test-result').textContent).toContain('Connected to the Slack webhook.');
    expect(testButton.getAttribute('aria-busy')).toBeNull();
    expect(api.requestsTo('POST /api/credentials/credential-1/test')).toHaveLength(1);
  });

  it('adds a credential from its card and deletes one only after confirming', async () => {
    const api = startFakeCredentialsApi([buildCredential({ id: 'old', name: 'Old Slack' })]);
    vi.stubGlobal('fetch', api.fetch);
    renderCredentialsPanel();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add Slack credential' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Slack credential' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Ops Slack');
    await user.type(within(dialog).getByLabelText('Webhook URL'), 'https://hooks.slack.com/services/T1/B2/abc');
    await user.click(within(dialog).getByRole('button', { name: 'Save credential' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('credential-row')).toHaveLength(2));
    expect(within(cardOf('Slack')).getByText('2 credentials saved')).toBeTruthy();

    await user.click(within(rowOf('Old Slack')).getByRole('button', { name: 'Delete Old Slack' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete Old Slack?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.requestsTo('DELETE /api/credentials/old')).toHaveLength(0);
    await user.click(within(rowOf('Old Slack')).getByRole('button', { name: 'Delete Old Slack' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete Old Slack?' })).getByRole('button', { name: 'Delete credential' }));
    await waitFor(() => expect(screen.getAllByTestId('credential-row')).toHaveLength(1));
    expect(api.requestsTo('DELETE /api/credentials/old')).toHaveLength(1);
  });

  it('explains a Composio service this instance is not configured for, and asks Composio for the link of one it is', async () => {
    const api = startFakeCredentialsApi([], { catalogue: buildCatalogue({ gmail: { available: false, unavailableReason: 'Gmail connects through Composio; the administrator has to set COMPOSIO_API_KEY first.' } }) });
    vi.stubGlobal('fetch', api.fetch);
    const { unmount } = renderCredentialsPanel();
    await screen.findByText('No credentials yet');
    expect(cardOf('Gmail').textContent).toContain('Not configured on this instance');
    expect(cardOf('Gmail').textContent).toContain('the administrator has to set COMPOSIO_API_KEY first.');
    expect(within(cardOf('Gmail')).queryByRole('button')).toBeNull();
    expect(cardOf('Gmail').textContent).not.toContain('No credential yet');
    unmount();

    const configured = startFakeCredentialsApi();
    vi.stubGlobal('fetch', configured.fetch);
    renderCredentialsPanel();
    const connect = await screen.findByRole('button', { name: 'Connect Gmail' });
    await userEvent.setup().click(connect);
    await waitFor(() => expect(configured.requestsTo('GET /api/integrations/composio/gmail/authorize')).toHaveLength(1));
    // The browser is on its way to Composio's page: the button stays busy.
    expect(connect.getAttribute('aria-busy')).toBe('true');
  });

  it('finishes a Composio connection on return, once, and takes the parameters out of the URL', async () => {
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', api.fetch);
    renderCredentialsPanel('/credentials?connected=composio_gmail');
    expect(await screen.findByText('Gmail connected: “Gmail” is saved and its tools are ready in chat.')).toBeTruthy();
    expect(api.requestsTo('POST /api/integrations/composio/complete-setup').map((request) => request.body)).toEqual([{ integration: 'composio_gmail' }]);
    expect(screen.getByTestId('location').textContent).toBe('/credentials');
    await waitFor(() => expect(screen.getAllByTestId('credential-row')).toHaveLength(1));
  });

  it('says so when the person comes back from a Composio connection that failed, without storing anything', async () => {
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', api.fetch);
    renderCredentialsPanel('/credentials?error=composio_googlesheets');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("Connecting Google Sheets did not finish (cancelled or refused on Composio's page). Try Connect again.");
    expect(api.requestsTo('POST /api/integrations/composio/complete-setup')).toHaveLength(0);
  });
});
