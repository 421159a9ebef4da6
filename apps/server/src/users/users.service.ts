import {
  defaultUserPreferences,
  userPreferencesSchema,
  type DeleteAccountBody,
  type UpdateProfileBody,
  type UpdateUserPreferencesBody,
  type User,
  type UserPreferences,
} from '@claraverse/shared';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.js';
import type { PasswordHasher } from '../platform/crypto/password-hasher.js';
import type { Database } from '../platform/database/tables.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors/app-error.js';
import { presentUser } from './present-user.js';
import type { UsersRepository } from './users.repository.js';

/** A user's own profile, preferences and account deletion. */
export function createUsersService(deps: {
  db: Kysely<Database>;
  usersRepository: UsersRepository;
  passwordHasher: PasswordHasher;
  auditService: AuditService;
  now: () => Date;
}) {
  async function getPreferences(userId: string): Promise<UserPreferences> {
    const stored = await deps.usersRepository.getPreferences(userId);
    const merged = { ...defaultUserPreferences, ...(stored ? (JSON.parse(stored) as Partial<UserPreferences>) : {}) };
    const parsed = userPreferencesSchema.safeParse(merged);
    return parsed.success ? parsed.data : defaultUserPreferences;
  }

  return {
    getPreferences,

    async updatePreferences(userId: string, changes: UpdateUserPreferencesBody): Promise<UserPreferences> {
      const next = { ...(await getPreferences(userId)), ...changes };
      await deps.usersRepository.savePreferences(userId, JSON.stringify(next), deps.now().toISOString());
      return next;
    },

    async updateProfile(userId: string, changes: UpdateProfileBody): Promise<User> {
      const updated = await deps.usersRepository.update(userId, { name: changes.name, updated_at: deps.now().toISOString() });
      if (!updated) throw new NotFoundError('user', userId);
      return presentUser(updated);
    },

    /**
     * Deletes the account and everything that belongs to it (sessions and preferences cascade). The last
     * active admin cannot leave the instance without an admin.
     */
    async deleteAccount(userId: string, body: DeleteAccountBody, origin: { ip: string }) {
      const user = await deps.usersRepository.findById(userId);
      if (!user) throw new NotFoundError('user', userId);
      if (!(await deps.passwordHasher.verify(user.password_hash, body.password))) {
        throw new ValidationError('The password is wrong', [{ path: 'password', message: 'Wrong password' }]);
      }
      const deleted = await deps.db.transaction().execute(async (transaction) => {
        if (user.role === 'admin' && (await deps.usersRepository.countActiveAdmins(transaction, user.id)) === 0) {
          throw new ConflictError('You are the last administrator; make someone else an administrator first');
        }
        const refreshTokens = Number(
          (await transaction.selectFrom('refresh_tokens').select((eb) => eb.fn.countAll<number | string>().as('total')).where('user_id', '=', userId).executeTakeFirstOrThrow()).total,
        );
        const preferences = await deps.usersRepository.countPreferences(userId, transaction);
        await deps.usersRepository.deleteById(userId, transaction);
        return { user: 1 as const, refreshTokens, preferences };
      });
      deps.usersRepository.announceAccountChange(userId); // committed now: see createUsersRepository
      await deps.auditService.record({ actorUserId: userId, action: 'user.account-deleted', targetType: 'user', targetId: userId, ip: origin.ip });
      return { deleted };
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
