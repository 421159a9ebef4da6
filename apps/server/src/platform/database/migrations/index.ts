import type { Migration } from 'kysely';
import * as createUsersAndSessions from './20261125120000-create-users-and-sessions.js';

/**
 * Every migration, in order, by name. An explicit list (not a folder scan) so the compiled server and the
 * tests run exactly the same set; `migrations.test.ts` fails when a file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '20261125120000-create-users-and-sessions': createUsersAndSessions,
};
