import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database/tables.js';

/** Token and request counts per user, UTC day and model: the only thing a chat leaves on the server. */
export function createUsageRepository(db: Kysely<Database>) {
  return {
    async add(entry: { userId: string; day: string; modelId: string; inputTokens: number; outputTokens: number }): Promise<void> {
      await db
        .insertInto('usage_counters')
        .values({ user_id: entry.userId, day: entry.day, model_id: entry.modelId, input_tokens: entry.inputTokens, output_tokens: entry.outputTokens, requests: 1 })
        .onConflict((conflict) =>
          conflict.columns(['user_id', 'day', 'model_id']).doUpdateSet({
            input_tokens: sql`usage_counters.input_tokens + excluded.input_tokens`,
            output_tokens: sql`usage_counters.output_tokens + excluded.output_tokens`,
            requests: sql`usage_counters.requests + 1`,
          }),
        )
        .execute();
    },

    forUser: (userId: string) => db.selectFrom('usage_counters').selectAll().where('user_id', '=', userId).orderBy('day').execute(),
  };
}
export type UsageRepository = ReturnType<typeof createUsageRepository>;
