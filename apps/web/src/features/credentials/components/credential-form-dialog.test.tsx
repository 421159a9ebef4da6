import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render-with-providers';
import { buildCredential, gmailIntegration, restApiIntegration, slackIntegration, startFakeCredentialsApi } from '../test-support';
import { CredentialFormDialog } from './credential-form-dialog';

afterEach(() => vi.unstubAllGlobals());

function renderDialog(props: Partial<Parameters<typeof CredentialFormDialog>[0]> = {}) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  renderWithProviders(<CredentialFormDialog integration={restApiIntegration} credential={null} onClose={onClose} onSaved={onSaved} {...props} />);
  return { onSaved, onClose, dialog: screen.getByRole('dialog') };
}

describe('CredentialFormDialog', () => {
  it('renders each field as its type asks, with required marks, placeholders, help text and the docs link', async () => {
    vi.stubGlobal('fetch', startFakeCredentialsApi().fetch);
    const { dialog } = renderDialog();
    const user = userEvent.setup();
    expect(within(dialog).getByRole('heading', { name: 'Add a REST API credential' })).toBeTruthy();
    const docs = within(dialog).getByRole('link', { name: /How to get it/ });
    expect(docs.getAttribute('href')).toBe('https://example.com/rest-docs');
    expect(docs.getAttribute('target')).toBe('_blank');

    // A public URL is a URL input, required and marked so.
    const baseUrl = within(dialog).getByLabelText('Base URL') as HTMLInputElement;
    expect(baseUrl.type).toBe('url');
    expect(baseUrl.required).toBe(true);
    expect(baseUrl.placeholder).toBe('https://api.example.com/v1');
    expect(baseUrl.labels?.[0]?.nextElementSibling?.textContent).toBe('*');
    // A select with its options, starting at its default.
    const authType = within(dialog).getByLabelText('Auth type') as HTMLSelectElement;
    expect([...authType.options].map((option) => option.value)).toEqual(['none', 'bearer', 'basic']);
    expect(authType.value).toBe('bearer');
    // Secrets are masked until shown; optional ones carry no required mark.
    const token = within(dialog).getByLabelText('Token') as HTMLInputElement;
    expect(token.type).toBe('password');
    expect(token.required).toBe(false);
    expect(token.labels?.[0]?.nextElementSibling).toBeNull();
    expect(screen.getByText('The bearer token or user:password.').id).toBe(token.getAttribute('aria-describedby'));
    await user.type(token, 'abc');
    await user.click(within(dialog).getByRole('button', { name: 'Show Token' }));
    expect(token.type).toBe('text');
    await user.click(within(dialog).getByRole('button', { name: 'Hide Token' }));
    expect(token.type).toBe('password');
    expect((within(dialog).getByLabelText('API key') as HTMLInputElement).type).toBe('password');
    expect((within(dialog).getByLabelText('Header name') as HTMLInputElement).type).toBe('text');
    expect(within(dialog).getByLabelText('Extra headers').tagName).toBe('TEXTAREA');
  });

  it('masks a secret webhook URL and shows it as a URL input', async () => {
    vi.stubGlobal('fetch', startFakeCredentialsApi().fetch);
    const { dialog } = renderDialog({ integration: slackIntegration });
    const webhook = within(dialog).getByLabelText('Webhook URL') as HTMLInputElement;
    expect(webhook.type).toBe('password');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Show Webhook URL' }));
    expect(webhook.type).toBe('url');
  });

  it('checks JSON when the field is left and refuses to send until it parses', async () => {
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', api.fetch);
    const { dialog, onSaved } = renderDialog();
    const user = userEvent.setup();
    await user.type(within(dialog).getByLabelText('Base URL'), 'https://api.example.com/v1');
    const headers = within(dialog).getByLabelText('Extra headers');
    await user.type(headers, '{{"X-Team": core}');
    await user.tab();
    expect(headers.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('This is not valid JSON');
    await user.click(within(dialog).getByRole('button', { name: 'Save credential' }));
    expect(api.requestsTo('POST /api/credentials')).toHaveLength(0);

    await user.clear(headers);
    await user.type(headers, '{{"X-Team": "core"}');
    expect(dialog.textContent).not.toContain('This is not valid JSON');
    await user.click(within(dialog).getByRole('button', { name: 'Save credential' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(api.requestsTo('POST /api/credentials')[0]!.body).toEqual({
      name: 'REST API', integrationType: 'rest_api', data: { base_url: 'https://api.example.com/v1', auth_type: 'bearer', headers: '{"X-Team": "core"}' },
    });
  });

  it('names a missing required field before sending, and shows the server\'s field errors under their fields', async () => {
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', api.fetch);
    const { dialog } = renderDialog({ integration: slackIntegration });
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Save credential' }));
    const webhook = within(dialog).getByLabelText('Webhook URL');
    expect(webhook.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('Webhook URL is required.');
    expect(api.requestsTo('POST /api/credentials')).toHaveLength(0);

    // The server refuses what the browser cannot check: a URL off Slack's host.
    await user.type(webhook, 'https://evil.example/services/x');
    await user.click(within(dialog).getByRole('button', { name: 'Save credential' }));
    await waitFor(() => expect(webhook.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (webhook.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Webhook URL must be a Slack webhook (https://hooks.slack.com/services/…)');
    expect(api.requestsTo('POST /api/credentials')).toHaveLength(1);
    expect(within(dialog).getByRole('alert').textContent).toBe('The Slack credential is not valid: Webhook URL must be a Slack webhook (https://hooks.slack.com/services/…).');
  });

  it('on edit shows stored values as set, keeps a secret left empty and sends only what was changed', async () => {
    const api = startFakeCredentialsApi([buildCredential({ id: 'c1', name: 'Billing API', integrationType: 'rest_api', configuredFields: ['base_url', 'auth_type', 'auth_value', 'api_key'] })]);
    api.setStored('c1', { base_url: 'https://billing.example.com', auth_type: 'bearer', auth_value: 'stored-token', api_key: 'stored-key' });
    vi.stubGlobal('fetch', api.fetch);
    const credential = buildCredential({ id: 'c1', name: 'Billing API', integrationType: 'rest_api', configuredFields: ['base_url', 'auth_type', 'auth_value', 'api_key'] });
    const { dialog, onSaved } = renderDialog({ credential });
    const user = userEvent.setup();
    expect(within(dialog).getByRole('heading', { name: 'Edit Billing API' })).toBeTruthy();
    const token = within(dialog).getByLabelText('Token') as HTMLInputElement;
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('Stored — type to replace');
    expect(dialog.textContent).toContain('A value is stored. Leave this empty to keep it; type a new one to replace it.');
    expect(within(dialog).getAllByText('set')).toHaveLength(4);
    // A stored required value may stay empty on edit.
    expect((within(dialog).getByLabelText('Base URL') as HTMLInputElement).required).toBe(false);

    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Billing API v2');
    await user.type(within(dialog).getByLabelText('API key'), 'new-key-123');
    await user.type(within(dialog).getByLabelText('Header name'), 'X-Api-Key');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(api.requestsTo('PUT /api/credentials/c1')[0]!.body).toEqual({ name: 'Billing API v2', data: { api_key: 'new-key-123', auth_header_name: 'X-Api-Key' } });
    expect(api.valuesOf('c1')).toEqual({ base_url: 'https://billing.example.com', auth_type: 'bearer', auth_value: 'stored-token', api_key: 'new-key-123', auth_header_name: 'X-Api-Key' });
  });

  it('only renames a Composio connection: its account comes from signing in, not from a field', async () => {
    const credential = buildCredential({ id: 'g1', name: 'Gmail', integrationType: 'composio_gmail', configuredFields: ['composio_entity_id'] });
    const api = startFakeCredentialsApi([credential]);
    vi.stubGlobal('fetch', api.fetch);
    const { dialog, onSaved } = renderDialog({ integration: gmailIntegration, credential });
    const user = userEvent.setup();
    expect(within(dialog).queryByLabelText('Composio entity')).toBeNull();
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Work Gmail');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(api.requestsTo('PUT /api/credentials/g1')[0]!.body).toEqual({ name: 'Work Gmail' });
  });
});
