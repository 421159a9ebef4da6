import type { AdminUser, UpdateUserBody } from '@claraverse/shared';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { formatDate, formatDateTime } from '../../../lib/format-date';

export type UserAction = { kind: 'approve' } | { kind: 'update'; changes: UpdateUserBody };

interface UserTableProps {
  users: readonly AdminUser[];
  currentUserId: string | null;
  /** `userId:actionName` of the action running now, to show its spinner. */
  runningActionKey: string | null;
  onAction: (user: AdminUser, action: UserAction, actionKey: string) => void;
}

const statusTones: Record<AdminUser['status'], BadgeTone> = { active: 'success', pending: 'warning', disabled: 'danger' };
const statusLabels: Record<AdminUser['status'], string> = { active: 'Active', pending: 'Pending', disabled: 'Disabled' };

const headerCellClasses = 'px-4 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

/** The users of one page, with Approve / Disable / Enable / Make admin / Make user per row. */
export function UserTable({ users, currentUserId, runningActionKey, onAction }: UserTableProps) {
  return (
    // Narrow screens: each row wraps into a small card (user and status, then the actions) instead of scrolling.
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-zinc-200 max-md:sr-only dark:border-zinc-800">
          <tr>
            <th scope="col" className={headerCellClasses}>User</th>
            <th scope="col" className={headerCellClasses}>Status</th>
            <th scope="col" className={`${headerCellClasses} hidden lg:table-cell`}>Joined</th>
            <th scope="col" className={`${headerCellClasses} hidden lg:table-cell`}>Last sign-in</th>
            <th scope="col" className={`${headerCellClasses} text-right`}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 max-md:block dark:divide-zinc-800">
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            // Buttons are named by their verb ("Approve"); the description says whom they act on.
            const identityId = `user-identity-${user.id}`;
            const button = (actionName: string, label: string, action: UserAction, variant: 'primary' | 'secondary') => {
              const actionKey = `${user.id}:${actionName}`;
              return (
                <Button
                  size="small"
                  variant={variant}
                  data-testid={`${actionName}-${user.email}`}
                  aria-describedby={identityId}
                  isLoading={runningActionKey === actionKey}
                  disabled={runningActionKey !== null}
                  onClick={() => onAction(user, action, actionKey)}
                >
                  {label}
                </Button>
              );
            };
            return (
              <tr
                key={user.id}
                data-testid={`user-row-${user.email}`}
                className="align-middle max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-2.5 max-md:px-4 max-md:py-3"
              >
                <td className="px-4 py-3 max-md:min-w-0 max-md:flex-1 max-md:p-0">
                  <div id={identityId} className="flex min-w-0 flex-col">
                    <span className="flex items-center gap-2 font-medium text-zinc-900 dark:text-zinc-100">
                      <span className="truncate">{user.name ?? 'No name'}</span>
                      {user.role === 'admin' ? <Badge tone="accent">Admin</Badge> : null}
                      {isSelf ? <span className="text-xs font-normal text-zinc-500">(you)</span> : null}
                    </span>
                    <span className="truncate text-zinc-600 dark:text-zinc-400">{user.email}</span>
                  </div>
                </td>
                <td className="px-4 py-3 max-md:p-0">
                  <Badge tone={statusTones[user.status]}>{statusLabels[user.status]}</Badge>
                </td>
                <td className="hidden px-4 py-3 text-zinc-600 lg:table-cell dark:text-zinc-400">
                  {formatDate(user.createdAt)}
                </td>
                <td className="hidden px-4 py-3 text-zinc-600 lg:table-cell dark:text-zinc-400">
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}
                </td>
                <td className="px-4 py-3 max-md:w-full max-md:p-0">
                  <div className="flex flex-wrap gap-1.5 md:justify-end">
                    {user.status === 'pending' ? button('approve', 'Approve', { kind: 'approve' }, 'primary') : null}
                    {user.status === 'disabled'
                      ? button('enable', 'Enable', { kind: 'update', changes: { status: 'active' } }, 'secondary')
                      : button('disable', 'Disable', { kind: 'update', changes: { status: 'disabled' } }, 'secondary')}
                    {user.role === 'admin'
                      ? button('make-user', 'Make user', { kind: 'update', changes: { role: 'user' } }, 'secondary')
                      : button('make-admin', 'Make admin', { kind: 'update', changes: { role: 'admin' } }, 'secondary')}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
