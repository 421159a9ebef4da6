import type { Provider } from '@claraverse/shared';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ProviderForm } from './provider-form';
import { buildProviderBody, initialProviderFormValues } from './provider-form-values';
import { ProvidersPanel, byokDisabledMessage } from './providers-panel';

const storedProvider: Provider = {
  id: 'p1', name: 'Local Ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', hasApiKey: true,
  enabled: true, flags: { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: true }, systemPrompt: null,
  filters: [{ pattern: 'llama*', action: 'include', priority: 1 }], ownerUserId: null, lastFetchedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('buildProviderBody', () => {
  it('refuses a missing name, a non-http URL and an empty filter priority typed as text', () => {
    const result = buildProviderBody({ ...initialProviderFormValues(null), name: ' ', baseUrl: 'ftp://example.com' }, true);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(['baseUrl', 'name']);
      expect(result.fieldErrors.baseUrl).toBe('Use an http:// or https:// URL');
    }
  });

  it('keeps a stored key unless a new one is typed or removal is asked for', () => {
    const values = initialProviderFormValues(storedProvider);
    const kept = buildProviderBody(values, false);
    expect(kept).toMatchObject({ success: true });
    expect(kept.success && 'apiKey' in kept.body).toBe(false);
    expect(buildProviderBody({ ...values, apiKey: 'sk-new' }, false)).toMatchObject({ success: true, body: { apiKey: 'sk-new' } });
    expect(buildProviderBody({ ...values, isRemovingApiKey: true }, false)).toMatchObject({ success: true, body: { apiKey: null } });
    expect(buildProviderBody(values, false)).toMatchObject({ body: { filters: [{ pattern: 'llama*', action: 'include', priority: 1 }] } });
  });
});

describe('ProviderForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows field errors without calling the API, then posts a valid provider with the kind preset URL', async () => {
    const server = createFakeFetch({ 'POST /api/admin/providers': (request) => jsonResponse({ provider: { ...storedProvider, ...(request.body as object) } }, 201) });
    vi.stubGlobal('fetch', server.fetch);
    const onSaved = vi.fn();
    renderWithProviders(<ProviderForm scope="admin" provider={null} onSaved={onSaved} onCancel={() => {}} />);
    const user = userEvent.setup();

    await user.clear(screen.getByLabelText('Base URL'));
    await user.type(screen.getByLabelText('Base URL'), 'not a url');
    await user.click(screen.getByRole('button', { name: 'Add provider' }));
    expect(await screen.findByText('Use an http:// or https:// URL')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toHaveLength(0);

    await user.type(screen.getByLabelText('Name'), 'Ollama');
    await user.selectOptions(screen.getByLabelText('Kind'), 'openai-compatible');
    await user.click(screen.getByRole('button', { name: 'Ollama' }));
    await user.click(screen.getByRole('button', { name: 'Add provider' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(server.requestsTo('POST /api/admin/providers')[0]?.body).toEqual({
      name: 'Ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', enabled: true,
      flags: { imageOnly: false, imageEditOnly: false, audioOnly: false, secure: false }, filters: [],
    });
  });

  it('shows a stored key as "stored" and never sends it back unless replaced', async () => {
    const server = createFakeFetch({ 'PATCH /api/user/providers/:id': () => jsonResponse({ provider: storedProvider }) });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<ProviderForm scope="user" provider={storedProvider} onSaved={() => {}} onCancel={() => {}} />);
    expect(screen.getByText('stored')).toBeTruthy();
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save provider' }));
    await waitFor(() => expect(server.requestsTo('PATCH /api/user/providers/p1')).toHaveLength(1));
    expect(server.requestsTo('PATCH /api/user/providers/p1')[0]?.body).not.toHaveProperty('apiKey');
  });

  it('says so when the administrator turned personal providers off (403)', async () => {
    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/user/providers': () => errorResponse(403, 'forbidden', 'BYOK is disabled') }).fetch);
    renderWithProviders(<ProvidersPanel scope="user" />);
    expect(await screen.findByText(byokDisabledMessage)).toBeTruthy();
  });
});
