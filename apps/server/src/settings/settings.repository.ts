import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/tables.js';

/** SQL over `settings`: one JSON value per key. */
export function createSettingsRepository(db: Kysely<Database>) {
  return {
    async getAll(keys: readonly string[]): Promise<Map<string, string>> {
      if (keys.length === 0) return new Map();
      const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
      return new Map(rows.map((row) => [row.key, row.value]));
    },

    async setMany(entries: Array<{ key: string; value: string }>, updatedAt: string, updatedBy: string | null): Promise<void> {
      await db.transaction().execute(async (transaction) => {
        for (const entry of entries) {
          await transaction
            .insertInto('settings')
            .values({ key: entry.key, value: entry.value, updated_at: updatedAt, updated_by: updatedBy })
            .onConflict((conflict) =>
              conflict.column('key').doUpdateSet({ value: entry.value, updated_at: updatedAt, updated_by: updatedBy }),
            )
            .execute();
        }
      });
    },

    /** Inserts `key` only if absent. Returns false when it already existed (used as a one-time latch). */
    async insertIfAbsent(key: string, value: string, updatedAt: string, executor: Kysely<Database> = db): Promise<boolean> {
      const result = await executor
        .insertInto('settings')
        .values({ key, value, updated_at: updatedAt, updated_by: null })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
