import type { AdminUser, SessionResponse } from '@claraverse/shared';

/** An admin-list user with sensible defaults. */
export function buildAdminUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: 'user-1',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'user',
    status: 'active',
    createdAt: '2026-01-10T09:00:00.000Z',
    lastLoginAt: null,
    ...overrides,
  };
}

/** A session answer as sign-in and registration return it. */
export function buildSession(overrides: Partial<SessionResponse> = {}): SessionResponse {
  const { lastLoginAt: _lastLoginAt, ...user } = buildAdminUser();
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, user, ...overrides };
}
