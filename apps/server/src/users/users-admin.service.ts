import type { AdminUser, ListUsersQuery, ListUsersResponse, UpdateUserBody } from '@claraverse/shared';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { Database } from '../platform/database/tables.js';
import { ConflictError, NotFoundError } from '../platform/errors/app-error.js';
import { presentAdminUser } from './present-user.js';
import type { UsersRepository } from './users.repository.js';

/** Admin work on accounts: list, approve, change role or status. Every change is audited. */
export function createUsersAdminService(deps: {
  db: Kysely<Database>;
  usersRepository: UsersRepository;
  revokeSessionsOfUser: (userId: string) => Promise<number>;
  auditService: AuditService;
  now: () => Date;
}) {
  async function update(actor: { userId: string; ip: string }, targetId: string, changes: UpdateUserBody, action: string): Promise<AdminUser> {
    const result = await deps.db.transaction().execute(async (transaction) => {
      const target = await transaction.selectFrom('users').selectAll().where('id', '=', targetId).executeTakeFirst();
      if (!target) throw new NotFoundError('user', targetId);
      const losesAdmin =
        target.role === 'admin' && target.status === 'active' &&
        ((changes.role !== undefined && changes.role !== 'admin') || (changes.status !== undefined && changes.status !== 'active'));
      if (losesAdmin && (await deps.usersRepository.countActiveAdmins(transaction, target.id)) === 0) {
        throw new ConflictError('This is the last active administrator; make someone else an administrator first');
      }
      const updated = await deps.usersRepository.update(targetId, { ...changes, updated_at: deps.now().toISOString() }, transaction);
      return { before: target, after: updated ?? target };
    });
    deps.usersRepository.announceAccountChange(targetId); // committed now: see createUsersRepository
    if (result.after.status !== 'active' && result.before.status === 'active') await deps.revokeSessionsOfUser(targetId);
    await deps.auditService.record({
      actorUserId: actor.userId,
      action,
      targetType: 'user',
      targetId,
      ip: actor.ip,
      details: { before: { role: result.before.role, status: result.before.status }, after: { role: result.after.role, status: result.after.status } },
    });
    return presentAdminUser(result.after);
  }

  return {
    async list(query: ListUsersQuery): Promise<ListUsersResponse> {
      const { rows, total } = await deps.usersRepository.list({
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        ...(query.search ? { search: query.search } : {}),
        ...(query.status ? { status: query.status } : {}),
      });
      return { users: rows.map(presentAdminUser), total };
    },

    async approve(actor: { userId: string; ip: string }, targetId: string): Promise<AdminUser> {
      const target = await deps.usersRepository.findById(targetId);
      if (!target) throw new NotFoundError('user', targetId);
      if (target.status !== 'pending') throw new ConflictError(`This account is ${target.status}, not waiting for approval`);
      return update(actor, targetId, { status: 'active' }, 'admin.user-approved');
    },

    update: (actor: { userId: string; ip: string }, targetId: string, changes: UpdateUserBody) =>
      update(actor, targetId, changes, 'admin.user-updated'),
  };
}
export type UsersAdminService = ReturnType<typeof createUsersAdminService>;
