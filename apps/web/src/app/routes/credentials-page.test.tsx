import { screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeCredentialsApi } from '../../features/credentials/test-support';
import { renderWithProviders } from '../../test/render-with-providers';
import { CredentialsPage } from './credentials-page';
import { SettingsPage } from './settings-page';

afterEach(() => vi.unstubAllGlobals());

function CurrentUrl() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
}

describe('CredentialsPage', () => {
  it('is where Composio\'s callback lands: /settings?tab=credentials goes to it with the other parameters', async () => {
    const api = startFakeCredentialsApi();
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <>
        <Routes>
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/credentials" element={<CredentialsPage />} />
        </Routes>
        <CurrentUrl />
      </>,
      { path: '/settings?tab=credentials&connected=composio_gmail' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Credentials' })).toBeTruthy();
    expect(await screen.findByText('Gmail connected: “Gmail” is saved and its tools are ready in chat.')).toBeTruthy();
    expect(api.requestsTo('POST /api/integrations/composio/complete-setup')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/credentials'));
  });
});
