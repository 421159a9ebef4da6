import type { AdminUser, User } from '@claraverse/shared';
import type { UserRow } from '../platform/database/tables.js';

/** The public shape of a user: never the password hash. */
export function presentUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, status: row.status, createdAt: row.created_at };
}

/** What admins see of a user. */
export function presentAdminUser(row: UserRow): AdminUser {
  return { ...presentUser(row), lastLoginAt: row.last_login_at };
}
