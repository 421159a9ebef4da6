import { userStatuses, type AdminUser, type UserStatus } from '@claraverse/shared';
import { ChevronLeft, ChevronRight, Search, Users } from 'lucide-react';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Select } from '../../../components/ui/select';
import { LoadingState, Spinner } from '../../../components/ui/spinner';
import { showToast } from '../../../components/ui/toast';
import { describeError } from '../../../lib/error-messages';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useApproveUser } from '../api/approve-user';
import { useUsers } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { UserTable, type UserAction } from './user-table';

/** Rows per page. */
export const usersPageSize = 20;

const statusFilterOptions = [
  { value: '', label: 'All statuses' },
  { value: 'pending', label: 'Pending approval' },
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
] as const;

function successMessage(user: AdminUser, action: UserAction): string {
  const who = user.name ?? user.email;
  if (action.kind === 'approve') return `${who} can now sign in.`;
  if (action.changes.status === 'disabled') return `${who} has been disabled.`;
  if (action.changes.status === 'active') return `${who} has been enabled.`;
  return action.changes.role === 'admin' ? `${who} is now an administrator.` : `${who} is no longer an administrator.`;
}

/** Searchable, filterable, paged list of users with their admin actions. */
export function UsersPanel({ currentUserId }: { currentUserId: string | null }) {
  const [searchText, setSearchText] = useState('');
  const [status, setStatus] = useState<UserStatus | ''>('');
  const [page, setPage] = useState(1);
  const [actionError, setActionError] = useState<string | null>(null);
  const [runningActionKey, setRunningActionKey] = useState<string | null>(null);
  const search = useDebouncedValue(searchText.trim(), 300);
  const usersQuery = useUsers({
    page,
    pageSize: usersPageSize,
    ...(search ? { search } : {}),
    ...(status ? { status } : {}),
  });
  const approveMutation = useApproveUser();
  const updateMutation = useUpdateUser();

  const total = usersQuery.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / usersPageSize));
  const firstRow = total === 0 ? 0 : (page - 1) * usersPageSize + 1;
  const lastRow = Math.min(total, page * usersPageSize);

  const handleAction = (user: AdminUser, action: UserAction, actionKey: string) => {
    setActionError(null);
    setRunningActionKey(actionKey);
    const callbacks = {
      onSuccess: () => showToast(successMessage(user, action)),
      onError: (error: Error) => setActionError(describeError(error)),
      onSettled: () => setRunningActionKey(null),
    };
    if (action.kind === 'approve') approveMutation.mutate(user.id, callbacks);
    else updateMutation.mutate({ userId: user.id, changes: action.changes }, callbacks);
  };

  const handleStatusChange = (value: string) => {
    setStatus(userStatuses.find((candidate) => candidate === value) ?? '');
    setPage(1);
  };

  return (
    <Card>
      <div className="flex flex-col gap-3 border-b border-zinc-200 p-4 sm:flex-row sm:items-center dark:border-zinc-800">
        <div className="relative flex-1">
          <Search
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
          />
          <Input
            type="search"
            aria-label="Search users"
            placeholder="Search by name or email"
            className="pl-9"
            value={searchText}
            onChange={(event) => {
              setSearchText(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <Select
          aria-label="Filter by status"
          className="sm:w-52"
          options={statusFilterOptions}
          value={status}
          onChange={(event) => handleStatusChange(event.target.value)}
        />
      </div>
      {actionError ? (
        <div className="p-4 pb-0">
          <Alert tone="error">{actionError}</Alert>
        </div>
      ) : null}
      {usersQuery.isPending ? <LoadingState label="Loading users…" /> : null}
      {usersQuery.isError ? (
        <div className="p-4">
          <Alert tone="error">{describeError(usersQuery.error)}</Alert>
        </div>
      ) : null}
      {usersQuery.data && usersQuery.data.users.length === 0 ? (
        <EmptyState
          icon={<Users aria-hidden="true" className="size-6" />}
          title="No users match"
          description={search || status ? 'Try another search or status.' : 'Nobody has registered yet.'}
        />
      ) : null}
      {usersQuery.data && usersQuery.data.users.length > 0 ? (
        <UserTable
          users={usersQuery.data.users}
          currentUserId={currentUserId}
          runningActionKey={runningActionKey}
          onAction={handleAction}
        />
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <p aria-live="polite" className="flex items-center gap-2">
          {total === 0 ? 'No users' : `${firstRow}–${lastRow} of ${total}`}
          {usersQuery.isFetching && !usersQuery.isPending ? <Spinner label="Updating" /> : null}
        </p>
        <div className="flex gap-2">
          <Button
            size="small"
            variant="secondary"
            icon={<ChevronLeft aria-hidden="true" className="size-4" />}
            disabled={page <= 1}
            onClick={() => setPage((current) => Math.max(1, current - 1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={page >= pageCount}
            onClick={() => setPage((current) => current + 1)}
          >
            Next
            <ChevronRight aria-hidden="true" className="size-4" />
          </Button>
        </div>
      </div>
    </Card>
  );
}
