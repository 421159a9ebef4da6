import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../platform/database/tables.js';

export interface AuditEntry {
  actorUserId: string | null;
  /** `domain.past-tense`, e.g. `auth.signed-in`, `admin.user-approved`. */
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Never a secret: ids, old/new values of roles and statuses, counts. */
  details?: Record<string, unknown>;
}

/** SQL of the audit trail. */
export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(entry: AuditEntry & { id: string; createdAt: string }): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          id: entry.id,
          created_at: entry.createdAt,
          actor_user_id: entry.actorUserId,
          action: entry.action,
          target_type: entry.targetType ?? null,
          target_id: entry.targetId ?? null,
          ip: entry.ip ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })
        .execute();
    },
    async list(options: { limit: number; offset: number; action?: string }): Promise<{ rows: AuditLogRow[]; total: number }> {
      let query = db.selectFrom('audit_log');
      if (options.action) query = query.where('action', '=', options.action);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
        query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.total) };
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
