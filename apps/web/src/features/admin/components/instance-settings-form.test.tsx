import type { InstanceSettings } from '@claraverse/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { InstanceSettingsForm } from './instance-settings-form';

const savedSettings: InstanceSettings = {
  registrationMode: 'approval',
  instanceName: 'ClaraVerse',
  byokEnabled: true,
  outboundAllowlist: ['searx.lan'],
};

function renderForm(onPut: (body: Partial<InstanceSettings>) => Response) {
  const server = createFakeFetch({
    'GET /api/admin/settings': () => jsonResponse({ settings: savedSettings }),
    'PUT /api/admin/settings': (request) => onPut(request.body as Partial<InstanceSettings>),
    'GET /api/auth/status': () => jsonResponse({ hasUsers: true, registrationMode: 'approval', instanceName: 'ClaraVerse' }),
  });
  vi.stubGlobal('fetch', server.fetch);
  renderWithProviders(<InstanceSettingsForm />);
  return server;
}

describe('InstanceSettingsForm: outbound allow-list', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the saved entries one per line and sends only the changed list, split on lines and commas', async () => {
    const server = renderForm((body) => jsonResponse({ settings: { ...savedSettings, ...body } }));
    const textarea = await screen.findByLabelText('Outbound allow-list');
    expect((textarea as HTMLTextAreaElement).value).toBe('searx.lan');
    await userEvent.clear(textarea);
    await userEvent.type(textarea, 'searx.lan{enter}10.20.0.0/16, localhost:8080{enter}{enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(server.requestsTo('PUT /api/admin/settings')).toHaveLength(1));
    expect(server.requestsTo('PUT /api/admin/settings')[0]!.body).toEqual({
      outboundAllowlist: ['searx.lan', '10.20.0.0/16', 'localhost:8080'],
    });
  });

  it("shows the server's sentence when it refuses an entry", async () => {
    renderForm(() =>
      errorResponse(400, 'validation_failed', 'The outbound allow-list has an entry that cannot be used: "10.0.0.0/40" is not a valid CIDR range (like 10.0.0.0/8 or fd00::/8).', {
        details: [{ path: 'outboundAllowlist.1', message: '"10.0.0.0/40" is not a valid CIDR range' }],
      }),
    );
    const textarea = await screen.findByLabelText('Outbound allow-list');
    await userEvent.type(textarea, '{enter}10.0.0.0/40');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const message = await screen.findByText(/"10\.0\.0\.0\/40" is not a valid CIDR range \(like/);
    // Under the field, tied to the textarea for screen readers.
    expect(textarea.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('refuses an entry with a space before sending anything', async () => {
    const server = renderForm(() => jsonResponse({ settings: savedSettings }));
    const textarea = await screen.findByLabelText('Outbound allow-list');
    await userEvent.type(textarea, '{enter}two words');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('One host, IP address or CIDR range per entry, without spaces or commas');
    expect(server.requestsTo('PUT /api/admin/settings')).toHaveLength(0);
  });
});
