import { randomUUID } from 'node:crypto';
import type { AuthStatusResponse, ChangePasswordBody, LoginBody, RegisterBody, SessionResponse, TokenPair, User } from '@claraverse/shared';
import type { AuditService } from '../audit/audit.service.js';
import type { PasswordHasher } from '../platform/crypto/password-hasher.js';
import type { CounterStore } from '../platform/counters/counter-store.js';
import { AppError, ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../platform/errors/app-error.js';
import { isUniqueViolation } from '../platform/database/timestamps.js';
import type { UserRow } from '../platform/database/tables.js';
import type { SettingsRepository } from '../settings/settings.repository.js';
import type { SettingsService } from '../settings/settings.service.js';
import { presentUser } from '../users/present-user.js';
import type { UsersRepository } from '../users/users.repository.js';
import { isCommonPassword } from './common-passwords.js';
import { RefreshTokenReusedError, type RefreshTokens } from './refresh-tokens.js';

export interface AuthServiceDeps {
  usersRepository: UsersRepository;
  settingsRepository: SettingsRepository;
  settingsService: SettingsService;
  auditService: AuditService;
  passwordHasher: PasswordHasher;
  refreshTokens: RefreshTokens;
  counters: CounterStore;
  loginLimits: { maxFailures: number; windowSeconds: number };
  now: () => Date;
}

/** Who is calling, for the audit trail. */
export interface RequestOrigin {
  ip: string;
}

export type RegisterResult = { kind: 'session'; session: SessionResponse } | { kind: 'pending'; user: User };

const firstAdminLatch = 'instance.firstAdminUserId';

function assertPasswordAcceptable(password: string, email: string, field: 'password' | 'newPassword'): void {
  if (isCommonPassword(password, email)) {
    throw new ValidationError('This password is too common; choose another', [
      { path: field, message: 'This password is too common or too easy to guess' },
    ]);
  }
}

/** Registration, sign-in, token refresh with reuse detection, sign-out and password change. */
export function createAuthService(deps: AuthServiceDeps) {
  const nowIso = () => deps.now().toISOString();
  const failureKey = (email: string) => `login-failures:${email}`;

  async function signIn(user: UserRow): Promise<SessionResponse> {
    const updated = (await deps.usersRepository.update(user.id, { last_login_at: nowIso() })) ?? user;
    return { ...(await deps.refreshTokens.issue(updated)), user: presentUser(updated) };
  }

  /** Creates the user row; the first user of the instance becomes an active admin, exactly once. */
  async function createUser(body: RegisterBody, passwordHash: string): Promise<UserRow> {
    const timestamp = nowIso();
    const id = randomUUID();
    const base = { id, email: body.email, name: body.name ?? null, password_hash: passwordHash, created_at: timestamp, updated_at: timestamp, last_login_at: null, sessions_revoked_at: null };
    const isFirst = !(await deps.usersRepository.hasAny()) && (await deps.settingsRepository.insertIfAbsent(firstAdminLatch, JSON.stringify(id), timestamp));
    if (isFirst) {
      const row: UserRow = { ...base, role: 'admin', status: 'active' };
      await deps.usersRepository.insert(row);
      return row;
    }
    const { registrationMode } = await deps.settingsService.getInstanceSettings();
    if (registrationMode === 'closed') throw new AppError('registration_closed', 'Registration is closed on this instance; ask an administrator for an account');
    const row: UserRow = { ...base, role: 'user', status: registrationMode === 'open' ? 'active' : 'pending' };
    await deps.usersRepository.insert(row);
    return row;
  }

  return {
    async status(): Promise<AuthStatusResponse> {
      const [hasUsers, settings] = await Promise.all([deps.usersRepository.hasAny(), deps.settingsService.getInstanceSettings()]);
      return { hasUsers, registrationMode: settings.registrationMode, instanceName: settings.instanceName };
    },

    async register(body: RegisterBody, origin: RequestOrigin): Promise<RegisterResult> {
      assertPasswordAcceptable(body.password, body.email, 'password');
      if (await deps.usersRepository.findByEmail(body.email)) throw new ConflictError('An account with this email already exists; sign in instead');
      const passwordHash = await deps.passwordHasher.hash(body.password);
      let user: UserRow;
      try {
        user = await createUser(body, passwordHash);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError('An account with this email already exists; sign in instead');
        throw error;
      }
      await deps.auditService.record({ actorUserId: user.id, action: 'auth.registered', targetType: 'user', targetId: user.id, ip: origin.ip, details: { role: user.role, status: user.status } });
      if (user.status !== 'active') return { kind: 'pending', user: presentUser(user) };
      return { kind: 'session', session: await signIn(user) };
    },

    async login(body: LoginBody, origin: RequestOrigin): Promise<SessionResponse> {
      const failures = await deps.counters.get(failureKey(body.email));
      if (failures.count >= deps.loginLimits.maxFailures) {
        throw new RateLimitedError(`Too many failed sign-ins for this account; try again in ${Math.ceil(failures.resetInSeconds / 60)} min`, failures.resetInSeconds);
      }
      const user = await deps.usersRepository.findByEmail(body.email);
      const isValid = user ? await deps.passwordHasher.verify(user.password_hash, body.password) : await deps.passwordHasher.verifyAgainstDummy(body.password);
      if (!user || !isValid) {
        await deps.counters.increment(failureKey(body.email), deps.loginLimits.windowSeconds);
        await deps.auditService.record({ actorUserId: user?.id ?? null, action: 'auth.sign-in-failed', targetType: 'user', targetId: user?.id, ip: origin.ip });
        throw new AppError('invalid_credentials', 'Wrong email or password');
      }
      if (user.status === 'pending') throw new AppError('account_pending', 'Your account is waiting for an administrator to approve it');
      if (user.status === 'disabled') throw new AppError('account_disabled', 'Your account has been disabled; contact an administrator');
      await deps.counters.reset(failureKey(body.email));
      await deps.auditService.record({ actorUserId: user.id, action: 'auth.signed-in', targetType: 'user', targetId: user.id, ip: origin.ip });
      return signIn(user);
    },

    async refresh(refreshToken: string, origin: RequestOrigin): Promise<TokenPair> {
      let spent;
      try {
        spent = await deps.refreshTokens.spend(refreshToken);
      } catch (error) {
        if (error instanceof RefreshTokenReusedError) {
          await deps.auditService.record({ actorUserId: error.userId, action: 'auth.refresh-token-reused', targetType: 'user', targetId: error.userId, ip: origin.ip });
        }
        throw error;
      }
      const user = await deps.usersRepository.findById(spent.user_id);
      if (!user || user.status !== 'active') {
        throw new AppError(user?.status === 'pending' ? 'account_pending' : 'account_disabled', 'Your account is not active; contact an administrator');
      }
      return deps.refreshTokens.issue(user, spent.family_id);
    },

    async logout(refreshToken: string | undefined, origin: RequestOrigin): Promise<void> {
      if (!refreshToken) return;
      const row = await deps.refreshTokens.revoke(refreshToken);
      if (row) await deps.auditService.record({ actorUserId: row.user_id, action: 'auth.signed-out', targetType: 'user', targetId: row.user_id, ip: origin.ip });
    },

    async me(userId: string): Promise<User> {
      const user = await deps.usersRepository.findById(userId);
      if (!user) throw new NotFoundError('user', userId);
      return presentUser(user);
    },

    /** Changes the password, ends every other session, and returns a fresh token pair for this one. */
    async changePassword(userId: string, body: ChangePasswordBody, origin: RequestOrigin): Promise<TokenPair> {
      const user = await deps.usersRepository.findById(userId);
      if (!user) throw new NotFoundError('user', userId);
      if (!(await deps.passwordHasher.verify(user.password_hash, body.currentPassword))) {
        throw new ValidationError('The current password is wrong', [{ path: 'currentPassword', message: 'Wrong password' }]);
      }
      assertPasswordAcceptable(body.newPassword, user.email, 'newPassword');
      const timestamp = deps.now();
      // Whole seconds: JWT iat has second resolution, so tokens issued in this second stay valid.
      const revokedAt = new Date(Math.floor(timestamp.getTime() / 1000) * 1000).toISOString();
      await deps.usersRepository.update(user.id, { password_hash: await deps.passwordHasher.hash(body.newPassword), updated_at: timestamp.toISOString(), sessions_revoked_at: revokedAt });
      await deps.refreshTokens.revokeAllOfUser(user.id);
      await deps.auditService.record({ actorUserId: user.id, action: 'auth.password-changed', targetType: 'user', targetId: user.id, ip: origin.ip });
      return deps.refreshTokens.issue(user);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
