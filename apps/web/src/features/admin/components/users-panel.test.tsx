import type { AdminUser } from '@claraverse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAdminUser } from '../../../test/build-user';
import { createFakeFetch, errorResponse, jsonResponse, type RecordedRequest } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { UsersPanel } from './users-panel';

/** A fake admin API over an in-memory list; the last active admin cannot be demoted or disabled. */
function startFakeAdminApi(initialUsers: AdminUser[]) {
  let users = [...initialUsers];
  const replace = (updated: AdminUser) => {
    users = users.map((user) => (user.id === updated.id ? updated : user));
    return jsonResponse({ user: updated });
  };
  const findUser = (request: RecordedRequest) => users.find((user) => user.id === request.params.id);
  return createFakeFetch({
    'GET /api/admin/users': (request) => {
      const status = request.query.get('status');
      const search = request.query.get('search') ?? '';
      const matching = users.filter(
        (user) => (!status || user.status === status) && (!search || user.email.includes(search)),
      );
      return jsonResponse({ users: matching, total: matching.length });
    },
    'POST /api/admin/users/:id/approve': (request) => {
      const current = findUser(request);
      return current ? replace({ ...current, status: 'active' }) : errorResponse(404, 'not_found', 'No such user');
    },
    'PATCH /api/admin/users/:id': (request) => {
      const current = findUser(request);
      if (!current) return errorResponse(404, 'not_found', 'No such user');
      const changes = request.body as Partial<AdminUser>;
      const activeAdmins = users.filter((user) => user.role === 'admin' && user.status === 'active');
      const isLastAdmin = current.role === 'admin' && activeAdmins.length === 1;
      if (isLastAdmin && (changes.role === 'user' || changes.status === 'disabled')) {
        return errorResponse(409, 'conflict', 'You cannot demote or disable the last administrator.');
      }
      return replace({ ...current, ...changes });
    },
  });
}

const admin = buildAdminUser({ id: 'admin-1', email: 'root@example.com', name: 'Root', role: 'admin' });
const pending = buildAdminUser({ id: 'user-2', email: 'bob@example.com', name: 'Bob', status: 'pending' });
const active = buildAdminUser({ id: 'user-3', email: 'cleo@example.com', name: null });

function renderPanel() {
  const server = startFakeAdminApi([admin, pending, active]);
  vi.stubGlobal('fetch', server.fetch);
  renderWithProviders(<UsersPanel currentUserId="admin-1" />);
  return server;
}

describe('UsersPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the users of the first page with their status', async () => {
    const server = renderPanel();
    const row = await screen.findByTestId('user-row-bob@example.com');
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(screen.getByTestId('user-row-root@example.com').textContent).toContain('(you)');
    expect(server.requestsTo('GET /api/admin/users')[0]?.url).toBe('/api/admin/users?page=1&pageSize=20');
  });

  it('approves a pending user through POST /api/admin/users/:id/approve and shows them as active', async () => {
    const server = renderPanel();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('approve-bob@example.com'));

    await waitFor(() => expect(server.requestsTo('POST /api/admin/users/user-2/approve')).toHaveLength(1));
    const row = screen.getByTestId('user-row-bob@example.com');
    await waitFor(() => expect(within(row).getByText('Active')).toBeTruthy());
    expect(within(row).queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('disables a user and makes another one admin with PATCH /api/admin/users/:id', async () => {
    const server = renderPanel();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('disable-cleo@example.com'));
    await waitFor(() => expect(screen.getByTestId('enable-cleo@example.com')).toBeTruthy());
    await user.click(screen.getByTestId('make-admin-bob@example.com'));
    await waitFor(() => expect(screen.getByTestId('make-user-bob@example.com')).toBeTruthy());

    expect(server.requestsTo('PATCH /api/admin/users/user-3').map((request) => request.body)).toEqual([
      { status: 'disabled' },
    ]);
    expect(server.requestsTo('PATCH /api/admin/users/user-2').map((request) => request.body)).toEqual([
      { role: 'admin' },
    ]);
  });

  it('shows the server message when the last administrator would be demoted', async () => {
    renderPanel();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('make-user-root@example.com'));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'You cannot demote or disable the last administrator.',
    );
    expect(screen.getByTestId('make-user-root@example.com')).toBeTruthy();
  });

  it('filters by status and searches, going back to the first page', async () => {
    const server = renderPanel();
    const user = userEvent.setup();
    await screen.findByTestId('user-row-bob@example.com');

    await user.selectOptions(screen.getByLabelText('Filter by status'), 'pending');
    await waitFor(() => expect(screen.queryByTestId('user-row-cleo@example.com')).toBeNull());
    expect(server.requests.at(-1)?.url).toBe('/api/admin/users?page=1&pageSize=20&status=pending');

    await user.type(screen.getByLabelText('Search users'), 'nobody');
    expect(await screen.findByText('No users match')).toBeTruthy();
    expect(server.requests.at(-1)?.query.get('search')).toBe('nobody');
  });
});
