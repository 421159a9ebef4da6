import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../../stores/session-store';
import { buildSession } from '../../../test/build-user';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SignInForm } from './sign-in-form';

function renderForm(loginHandler: Parameters<typeof createFakeFetch>[0][string], canRegister = true) {
  const server = createFakeFetch({ 'POST /api/auth/login': loginHandler });
  vi.stubGlobal('fetch', server.fetch);
  const handleSignedIn = vi.fn();
  const handlePending = vi.fn();
  renderWithProviders(<SignInForm canRegister={canRegister} onSignedIn={handleSignedIn} onPending={handlePending} />);
  return { server, handleSignedIn, handlePending };
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows field errors and sends nothing when the email is invalid and the password empty', async () => {
    const { server } = renderForm(() => jsonResponse(buildSession()));
    await fillAndSubmit('not-an-email', '');

    expect(screen.getByText('Enter a valid email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(server.requests).toHaveLength(0);
  });

  it('stores the session and reports success', async () => {
    const { server, handleSignedIn } = renderForm(() => jsonResponse(buildSession()));
    await fillAndSubmit('Ada@Example.com', 'correct horse');

    await waitFor(() => expect(handleSignedIn).toHaveBeenCalledTimes(1));
    expect(server.requests[0]?.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
    expect(useSessionStore.getState().accessToken).toBe('access-1');
  });

  it('says "Wrong email or password" for invalid credentials', async () => {
    const { handleSignedIn } = renderForm(() => errorResponse(401, 'invalid_credentials', 'Invalid credentials'));
    await fillAndSubmit('ada@example.com', 'wrong password');

    expect((await screen.findByRole('alert')).textContent).toContain('Wrong email or password.');
    expect(handleSignedIn).not.toHaveBeenCalled();
    expect(useSessionStore.getState().accessToken).toBeNull();
  });

  it('shows the wait in minutes when rate limited', async () => {
    renderForm(() => errorResponse(429, 'rate_limited', 'Slow down', { headers: { 'Retry-After': '300' } }));
    await fillAndSubmit('ada@example.com', 'whatever');

    expect((await screen.findByRole('alert')).textContent).toContain('Try again in 5 minutes.');
  });

  it('shows the server validation messages next to their fields', async () => {
    renderForm(() =>
      errorResponse(400, 'validation_failed', 'Invalid body', {
        details: [{ path: 'email', message: 'This email domain is not allowed' }],
      }),
    );
    await fillAndSubmit('ada@example.com', 'whatever');

    expect(await screen.findByText('This email domain is not allowed')).toBeTruthy();
    const emailInput = screen.getByLabelText('Email');
    expect(emailInput.getAttribute('aria-invalid')).toBe('true');
    expect(emailInput.getAttribute('aria-describedby')).toContain(
      screen.getByText('This email domain is not allowed').id,
    );
  });

  it('explains a disabled account', async () => {
    renderForm(() => errorResponse(403, 'account_disabled', 'Account disabled'));
    await fillAndSubmit('ada@example.com', 'whatever');

    expect((await screen.findByRole('alert')).textContent).toContain('This account has been disabled');
  });

  it('hands a pending account over to the pending page instead of showing an error', async () => {
    const { handlePending } = renderForm(() => errorResponse(403, 'account_pending', 'Pending'));
    await fillAndSubmit('ada@example.com', 'whatever');

    await waitFor(() => expect(handlePending).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('links to registration only when registration is not closed', () => {
    renderForm(() => jsonResponse(buildSession()), false);
    expect(screen.queryByRole('link', { name: 'Create an account' })).toBeNull();
  });
});
