import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultUserPreferences, type AuthStatusResponse } from '@claraverse/shared';
import { useSessionStore } from '../stores/session-store';
import { buildSession } from '../test/build-user';
import { createFakeFetch, errorResponse, jsonResponse } from '../test/fake-fetch';
import { routes } from './router';

/** Renders the whole route tree at `path` against a fake API; `status` is read on every status request. */
function renderApp(path: string, status: AuthStatusResponse, extraHandlers: Parameters<typeof createFakeFetch>[0] = {}) {
  const server = createFakeFetch({
    'GET /api/auth/status': () => jsonResponse({ ...status }),
    'GET /api/auth/me': () => jsonResponse({ user: useSessionStore.getState().user }),
    'GET /api/user/preferences': () => jsonResponse({ preferences: defaultUserPreferences }),
    'GET /api/models': () => jsonResponse({ models: [] }),
    ...extraHandlers,
  });
  vi.stubGlobal('fetch', server.fetch);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { server, router };
}

const instance = { hasUsers: true, registrationMode: 'approval', instanceName: 'Test Lab' } as const;

describe('app routes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a fresh instance to the first-run page, and into the app once the administrator exists', async () => {
    const adminSession = buildSession({ user: { ...buildSession().user, role: 'admin', name: 'Root' } });
    const status = { ...instance, hasUsers: false };
    const { server, router } = renderApp('/chat', status, {
      'POST /api/auth/register': () => {
        status.hasUsers = true;
        return jsonResponse(adminSession, 201);
      },
    });
    expect(await screen.findByRole('heading', { name: 'Create the administrator account' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/setup');

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Root');
    await user.type(screen.getByLabelText('Email'), 'root@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    // The chat chunk (markdown, KaTeX, highlighter) takes a while to transform on the first import.
    expect(await screen.findByText('No models yet', {}, { timeout: 15_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/chat');
    expect(server.requestsTo('POST /api/auth/register')[0]?.body).toEqual({
      name: 'Root',
      email: 'root@example.com',
      password: 'a long passphrase',
    });
    expect(screen.getByRole('link', { name: 'Admin' })).toBeTruthy();
  });

  it('refuses a first-run form whose passwords differ', async () => {
    const { server } = renderApp('/setup', { ...instance, hasUsers: false });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Root');
    await user.type(screen.getByLabelText('Email'), 'root@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.type(screen.getByLabelText('Confirm password'), 'another passphrase');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));

    expect(await screen.findByText('The passwords do not match')).toBeTruthy();
    expect(server.requestsTo('POST /api/auth/register')).toHaveLength(0);
  });

  it('sends a visitor without a session to sign in', async () => {
    const { router } = renderApp('/settings', instance);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/signin');
    expect(screen.getByRole('link', { name: 'Create an account' })).toBeTruthy();
  });

  it('shows a pending registration the waiting page', async () => {
    const pendingUser = { ...buildSession().user, status: 'pending' as const };
    const { router } = renderApp('/register', instance, {
      'POST /api/auth/register': () => jsonResponse({ user: pendingUser }, 202),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText("Your account is waiting for an administrator's approval.")).toBeTruthy();
    expect(router.state.location.pathname).toBe('/pending');
    expect(useSessionStore.getState().accessToken).toBeNull();
  });

  it('tells a user who is not an administrator that the admin area is not for them', async () => {
    useSessionStore.getState().setSession(buildSession());
    renderApp('/admin/users', instance);
    expect(await screen.findByText('You are not allowed to see this page')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull();
  });

  it('signs out from the account menu: logout with the refresh token, session cleared, back to sign in', async () => {
    useSessionStore.getState().setSession(buildSession());
    const { server, router } = renderApp('/chat', instance, {
      'POST /api/auth/logout': () => jsonResponse(null, 204),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account menu' }));
    expect(screen.getByTestId('account-email').textContent).toBe('ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(server.requestsTo('POST /api/auth/logout')[0]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(useSessionStore.getState().user).toBeNull();
  });

  it('goes to sign in when the session cannot be refreshed, then back to the page the user was on', async () => {
    useSessionStore.getState().setSession(buildSession());
    const { server, router } = renderApp('/settings?tab=password', instance, {
      'GET /api/auth/me': (request) =>
        request.headers.get('Authorization') === 'Bearer access-9'
          ? jsonResponse({ user: buildSession().user })
          : errorResponse(401, 'token_expired', 'Access token expired'),
      'POST /api/auth/refresh': () => errorResponse(401, 'unauthenticated', 'Refresh token revoked'),
      'POST /api/auth/login': () => jsonResponse(buildSession({ accessToken: 'access-9' })),
    });

    expect(await screen.findByText('Your session has ended. Sign in again to continue where you left off.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/signin');
    expect(useSessionStore.getState().accessToken).toBeNull();
    expect(server.requestsTo('POST /api/auth/refresh')).toHaveLength(1);

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/settings?tab=password'));
    expect(await screen.findByLabelText('Current password')).toBeTruthy();
  });
});
