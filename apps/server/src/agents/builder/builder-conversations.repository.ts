import type { Kysely } from 'kysely';
import type { AgentBuilderConversationRow, Database } from '../../platform/database/tables.js';

/** SQL over `agent_builder_conversations`. Every read is scoped to the owner and the agent. */
export function createBuilderConversationsRepository(db: Kysely<Database>) {
  const table = 'agent_builder_conversations' as const;
  return {
    async insert(row: AgentBuilderConversationRow): Promise<void> {
      await db.insertInto(table).values(row).execute();
    },
    find: (userId: string, agentId: string, id: string) =>
      db.selectFrom(table).selectAll().where('id', '=', id).where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst(),
    /** The most recently changed conversation of the agent. */
    findLatest: (userId: string, agentId: string) =>
      db.selectFrom(table).selectAll().where('agent_id', '=', agentId).where('user_id', '=', userId).orderBy('updated_at', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst(),
    /** Summaries, newest change first (at most 100). */
    list: (userId: string, agentId: string) =>
      db.selectFrom(table).select(['id', 'agent_id', 'message_count', 'created_at', 'updated_at']).where('agent_id', '=', agentId).where('user_id', '=', userId)
        .orderBy('updated_at', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(100).execute(),
    /** Writes new messages if the stored revision is still `expectedRevision`; true when written. */
    async update(id: string, expectedRevision: number, changes: Pick<AgentBuilderConversationRow, 'sealed_messages' | 'message_count' | 'updated_at'>): Promise<boolean> {
      const result = await db.updateTable(table).set({ ...changes, revision: expectedRevision + 1 }).where('id', '=', id).where('revision', '=', expectedRevision).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(userId: string, agentId: string, id: string): Promise<number> {
      const result = await db.deleteFrom(table).where('id', '=', id).where('agent_id', '=', agentId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
export type BuilderConversationsRepository = ReturnType<typeof createBuilderConversationsRepository>;
